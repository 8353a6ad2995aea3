use super::*;

#[test]
fn defaults_cover_conll_ontonotes_and_plain_names_in_any_spelling() {
    let person = Some(Label::Entity(EntityKind::Person));
    let place = Some(Label::Entity(EntityKind::Place));
    let other = Some(Label::Entity(EntityKind::Other));
    assert_eq!(default_label("PER"), person);
    assert_eq!(default_label("Person"), person);
    assert_eq!(default_label("GPE"), place);
    assert_eq!(default_label("fac"), place);
    assert_eq!(default_label("work_of_art"), other);
    assert_eq!(default_label("Work of Art"), other);
    assert_eq!(
        default_label("Organisation"),
        Some(Label::Entity(EntityKind::Organization))
    );
    assert_eq!(default_label("Quotation"), Some(Label::Quote));
    assert_eq!(default_label("DATE"), None);
    assert_eq!(default_label("Merge-org"), None);
}

#[test]
fn a_choice_overrides_the_default_and_can_leave_a_label_out() {
    let map = LabelMap(BTreeMap::from([
        ("DATE".to_owned(), Some(Label::Claim)),
        ("PER".to_owned(), None),
    ]));
    assert_eq!(map.label("DATE"), Some(Label::Claim));
    assert_eq!(map.label("PER"), None);
    assert_eq!(map.label("ORG"), default_label("ORG"));
}

#[test]
fn the_command_line_spec_reads_pairs_and_names_what_is_wrong() {
    let map = LabelMap::parse("PER=person, Money=skip,Report=claim").unwrap();
    assert_eq!(map.label("PER"), Some(Label::Entity(EntityKind::Person)));
    assert_eq!(map.label("Money"), None);
    assert_eq!(map.label("Report"), Some(Label::Claim));
    assert_eq!(LabelMap::parse("").unwrap(), LabelMap::default());
    let err = LabelMap::parse("PER").unwrap_err();
    assert!(err.contains("\"PER\" is not NAME=TARGET"), "{err}");
    let err = LabelMap::parse("PER=human").unwrap_err();
    assert!(err.contains("\"human\""), "{err}");
}

#[test]
fn the_tally_counts_each_label_and_lists_the_ones_left_out() {
    let map = LabelMap::default();
    let mut tally = LabelTally::default();
    for name in ["PER", "DATE", "PER", "DATE", "DATE"] {
        tally.count(name, &map);
    }
    let mut more = LabelTally::default();
    more.count("Money", &map);
    tally.merge(more);
    let uses = tally.uses();
    let counts: Vec<(&str, usize)> = uses.iter().map(|u| (u.name.as_str(), u.count)).collect();
    assert_eq!(counts, [("DATE", 3), ("Money", 1), ("PER", 2)]);
    let described: Vec<String> = uses.iter().map(LabelUse::describe).collect();
    assert_eq!(
        described,
        [
            "DATE: 3 spans → left out (skipped)",
            "Money: 1 span → left out (skipped)",
            "PER: 2 spans → entity (person)"
        ]
    );
    assert_eq!(
        tally.skipped_lines(),
        [
            "label “DATE” is not mapped: 3 spans skipped",
            "label “Money” is not mapped: 1 span skipped"
        ]
    );
}
