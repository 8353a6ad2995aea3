//! Signing in to a CouchDB server (its `_session`, through the web worker): the name and password go
//! to the server only, which keeps the session in its own cookie. Used by the sync dialog and by a
//! class on a database (the student's exercise bar, the teacher's class).

use crate::domain::offload::{Answer, Job};
use crate::domain::state::session::{Notice, SessionAction};
use crate::ui::bridge::use_dispatch;
use crate::web::offload;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`SignIn`] shows.
#[derive(Properties, Clone, PartialEq)]
pub struct SignInProps {
    /// The server, a path on this site.
    pub server: AttrValue,
    /// Who is signed in, as far as this tab knows.
    #[prop_or_default]
    pub signed_in: Option<AttrValue>,
    /// The start of the fields' test ids (`sync` gives `sync-name`, `sync-sign-in`…).
    pub testid: &'static str,
}

/// The value of the input `input`.
pub fn value(input: &NodeRef) -> String {
    input
        .cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The sign-in fields: name, password, Sign in and Sign out; the legend says who is signed in.
#[function_component]
pub fn SignIn(props: &SignInProps) -> Html {
    let dispatch = use_dispatch();
    let (name, password) = (use_node_ref(), use_node_ref());
    let shown = use_state(|| props.signed_in.clone());
    let signing = use_mut_ref(|| None::<offload::Ticket>);
    let sign = |out: bool| {
        let (server, name, password) = (props.server.clone(), name.clone(), password.clone());
        let (dispatch, shown, signing) = (dispatch.clone(), shown.clone(), signing.clone());
        Callback::from(move |_: MouseEvent| {
            let job = Job::SignIn {
                server: server.to_string(),
                name: if out { String::new() } else { value(&name) },
                password: if out { String::new() } else { value(&password) },
            };
            if let Some(input) = password.cast::<HtmlInputElement>() {
                input.set_value("");
            }
            let (answered, shown) = (dispatch.clone(), shown.clone());
            let sent = offload::run(job, move |answer| {
                let action = match answer {
                    Answer::SignedIn(who) => {
                        shown.set(
                            Some(who.clone())
                                .filter(|w| !w.is_empty())
                                .map(AttrValue::from),
                        );
                        SessionAction::SignedIn(who)
                    }
                    Answer::SyncFailed { reason, .. } | Answer::Failed(reason) => {
                        SessionAction::Notify(Notice::Error(format!("Not signed in: {reason}.")))
                    }
                    _ => return,
                };
                answered.emit(action);
            });
            *signing.borrow_mut() = sent.ok();
        })
    };
    let (sign_in, sign_out) = (sign(false), sign(true));
    let id = |part: &str| format!("{}-{part}", props.testid);
    html! {
        <fieldset class="sign-in">
            <legend>{match &*shown { Some(n) => format!("Signed in as {n}"), None => "Sign in".into() }}</legend>
            <label>{"Name "}<input data-testid={id("name")} ref={name} autocomplete="username" /></label>
            <label>{"Password "}<input data-testid={id("password")} ref={password} type="password" autocomplete="current-password" /></label>
            <button data-testid={id("sign-in")} onclick={sign_in}>{"Sign in"}</button>
            <button data-testid={id("sign-out")} onclick={sign_out}>{"Sign out"}</button>
        </fieldset>
    }
}
