//! TODO(helper): zip.
