//! The parts of the Classroom view.

pub mod heat_map;
pub mod live;
pub mod make;
pub mod review;
pub mod share;
pub mod tables;
pub mod teach;
