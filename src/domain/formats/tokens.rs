//! TODO(helper): tokenizer keeping offsets.
