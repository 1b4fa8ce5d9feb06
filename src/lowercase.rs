//! Lower case of one character, as `char::to_lowercase` gives its first character, from a
//! table of our own: std's (1,462 pairs of characters) would be the wasm's largest table.
//!
//! The table lists the upper-case characters as runs: a first character, how many code
//! points the run spans, a step (1: every code point of the run, "A".."Z"; 2: every other
//! one, the upper and lower cases alternating as in "Ā ā Ă ă") and the difference every one of
//! its characters has to its lower case. 186 runs cover every character that has one.
//!
//! The runs are generated from std's own lower case by [`tests::generated_runs`]: when a
//! toolchain's new Unicode version changes them, the test `the_table_is_generated` fails and
//! prints the table to paste here.

/// A run packed: its first character above nine bits, its length (at most 255) above one,
/// and whether its step is 2; with the difference beside it.
const fn run(first: u32, length: u32, step: u32, difference: i32) -> (u32, i32) {
    ((first << 9) | (length << 1) | (step - 1), difference)
}

/// The runs, by first character.
#[rustfmt::skip]
static RUNS: [(u32, i32); 186] = [
    run(0x41, 26, 1, 32),
    run(0xc0, 23, 1, 32),
    run(0xd8, 7, 1, 32),
    run(0x100, 47, 2, 1),
    run(0x130, 1, 1, -199),
    run(0x132, 5, 2, 1),
    run(0x139, 15, 2, 1),
    run(0x14a, 45, 2, 1),
    run(0x178, 1, 1, -121),
    run(0x179, 5, 2, 1),
    run(0x181, 1, 1, 210),
    run(0x182, 3, 2, 1),
    run(0x186, 1, 1, 206),
    run(0x187, 1, 1, 1),
    run(0x189, 2, 1, 205),
    run(0x18b, 1, 1, 1),
    run(0x18e, 1, 1, 79),
    run(0x18f, 1, 1, 202),
    run(0x190, 1, 1, 203),
    run(0x191, 1, 1, 1),
    run(0x193, 1, 1, 205),
    run(0x194, 1, 1, 207),
    run(0x196, 1, 1, 211),
    run(0x197, 1, 1, 209),
    run(0x198, 1, 1, 1),
    run(0x19c, 1, 1, 211),
    run(0x19d, 1, 1, 213),
    run(0x19f, 1, 1, 214),
    run(0x1a0, 5, 2, 1),
    run(0x1a6, 1, 1, 218),
    run(0x1a7, 1, 1, 1),
    run(0x1a9, 1, 1, 218),
    run(0x1ac, 1, 1, 1),
    run(0x1ae, 1, 1, 218),
    run(0x1af, 1, 1, 1),
    run(0x1b1, 2, 1, 217),
    run(0x1b3, 3, 2, 1),
    run(0x1b7, 1, 1, 219),
    run(0x1b8, 1, 1, 1),
    run(0x1bc, 1, 1, 1),
    run(0x1c4, 1, 1, 2),
    run(0x1c5, 1, 1, 1),
    run(0x1c7, 1, 1, 2),
    run(0x1c8, 1, 1, 1),
    run(0x1ca, 1, 1, 2),
    run(0x1cb, 17, 2, 1),
    run(0x1de, 17, 2, 1),
    run(0x1f1, 1, 1, 2),
    run(0x1f2, 3, 2, 1),
    run(0x1f6, 1, 1, -97),
    run(0x1f7, 1, 1, -56),
    run(0x1f8, 39, 2, 1),
    run(0x220, 1, 1, -130),
    run(0x222, 17, 2, 1),
    run(0x23a, 1, 1, 10795),
    run(0x23b, 1, 1, 1),
    run(0x23d, 1, 1, -163),
    run(0x23e, 1, 1, 10792),
    run(0x241, 1, 1, 1),
    run(0x243, 1, 1, -195),
    run(0x244, 1, 1, 69),
    run(0x245, 1, 1, 71),
    run(0x246, 9, 2, 1),
    run(0x370, 3, 2, 1),
    run(0x376, 1, 1, 1),
    run(0x37f, 1, 1, 116),
    run(0x386, 1, 1, 38),
    run(0x388, 3, 1, 37),
    run(0x38c, 1, 1, 64),
    run(0x38e, 2, 1, 63),
    run(0x391, 17, 1, 32),
    run(0x3a3, 9, 1, 32),
    run(0x3cf, 1, 1, 8),
    run(0x3d8, 23, 2, 1),
    run(0x3f4, 1, 1, -60),
    run(0x3f7, 1, 1, 1),
    run(0x3f9, 1, 1, -7),
    run(0x3fa, 1, 1, 1),
    run(0x3fd, 3, 1, -130),
    run(0x400, 16, 1, 80),
    run(0x410, 32, 1, 32),
    run(0x460, 33, 2, 1),
    run(0x48a, 53, 2, 1),
    run(0x4c0, 1, 1, 15),
    run(0x4c1, 13, 2, 1),
    run(0x4d0, 95, 2, 1),
    run(0x531, 38, 1, 48),
    run(0x10a0, 38, 1, 7264),
    run(0x10c7, 1, 1, 7264),
    run(0x10cd, 1, 1, 7264),
    run(0x13a0, 80, 1, 38864),
    run(0x13f0, 6, 1, 8),
    run(0x1c89, 1, 1, 1),
    run(0x1c90, 43, 1, -3008),
    run(0x1cbd, 3, 1, -3008),
    run(0x1e00, 149, 2, 1),
    run(0x1e9e, 1, 1, -7615),
    run(0x1ea0, 95, 2, 1),
    run(0x1f08, 8, 1, -8),
    run(0x1f18, 6, 1, -8),
    run(0x1f28, 8, 1, -8),
    run(0x1f38, 8, 1, -8),
    run(0x1f48, 6, 1, -8),
    run(0x1f59, 7, 2, -8),
    run(0x1f68, 8, 1, -8),
    run(0x1f88, 8, 1, -8),
    run(0x1f98, 8, 1, -8),
    run(0x1fa8, 8, 1, -8),
    run(0x1fb8, 2, 1, -8),
    run(0x1fba, 2, 1, -74),
    run(0x1fbc, 1, 1, -9),
    run(0x1fc8, 4, 1, -86),
    run(0x1fcc, 1, 1, -9),
    run(0x1fd8, 2, 1, -8),
    run(0x1fda, 2, 1, -100),
    run(0x1fe8, 2, 1, -8),
    run(0x1fea, 2, 1, -112),
    run(0x1fec, 1, 1, -7),
    run(0x1ff8, 2, 1, -128),
    run(0x1ffa, 2, 1, -126),
    run(0x1ffc, 1, 1, -9),
    run(0x2126, 1, 1, -7517),
    run(0x212a, 1, 1, -8383),
    run(0x212b, 1, 1, -8262),
    run(0x2132, 1, 1, 28),
    run(0x2160, 16, 1, 16),
    run(0x2183, 1, 1, 1),
    run(0x24b6, 26, 1, 26),
    run(0x2c00, 48, 1, 48),
    run(0x2c60, 1, 1, 1),
    run(0x2c62, 1, 1, -10743),
    run(0x2c63, 1, 1, -3814),
    run(0x2c64, 1, 1, -10727),
    run(0x2c67, 5, 2, 1),
    run(0x2c6d, 1, 1, -10780),
    run(0x2c6e, 1, 1, -10749),
    run(0x2c6f, 1, 1, -10783),
    run(0x2c70, 1, 1, -10782),
    run(0x2c72, 1, 1, 1),
    run(0x2c75, 1, 1, 1),
    run(0x2c7e, 2, 1, -10815),
    run(0x2c80, 99, 2, 1),
    run(0x2ceb, 3, 2, 1),
    run(0x2cf2, 1, 1, 1),
    run(0xa640, 45, 2, 1),
    run(0xa680, 27, 2, 1),
    run(0xa722, 13, 2, 1),
    run(0xa732, 61, 2, 1),
    run(0xa779, 3, 2, 1),
    run(0xa77d, 1, 1, -35332),
    run(0xa77e, 9, 2, 1),
    run(0xa78b, 1, 1, 1),
    run(0xa78d, 1, 1, -42280),
    run(0xa790, 3, 2, 1),
    run(0xa796, 19, 2, 1),
    run(0xa7aa, 1, 1, -42308),
    run(0xa7ab, 1, 1, -42319),
    run(0xa7ac, 1, 1, -42315),
    run(0xa7ad, 1, 1, -42305),
    run(0xa7ae, 1, 1, -42308),
    run(0xa7b0, 1, 1, -42258),
    run(0xa7b1, 1, 1, -42282),
    run(0xa7b2, 1, 1, -42261),
    run(0xa7b3, 1, 1, 928),
    run(0xa7b4, 15, 2, 1),
    run(0xa7c4, 1, 1, -48),
    run(0xa7c5, 1, 1, -42307),
    run(0xa7c6, 1, 1, -35384),
    run(0xa7c7, 3, 2, 1),
    run(0xa7cb, 1, 1, -42343),
    run(0xa7cc, 15, 2, 1),
    run(0xa7dc, 1, 1, -42561),
    run(0xa7f5, 1, 1, 1),
    run(0xff21, 26, 1, 32),
    run(0x10400, 40, 1, 40),
    run(0x104b0, 36, 1, 40),
    run(0x10570, 11, 1, 39),
    run(0x1057c, 15, 1, 39),
    run(0x1058c, 7, 1, 39),
    run(0x10594, 2, 1, 39),
    run(0x10c80, 51, 1, 64),
    run(0x10d50, 22, 1, 32),
    run(0x118a0, 32, 1, 32),
    run(0x16e40, 32, 1, 32),
    run(0x16ea0, 25, 1, 27),
    run(0x1e900, 34, 1, 34),
];

/// `c.to_lowercase().next()`: the lower case of `c`, or the first character of it when it is
/// longer ("İ" → "i"), or `c` when it has none.
pub(crate) fn lowercase(c: char) -> char {
    let code = u32::from(c);
    // The last run that starts at or before `c`.
    let after = RUNS.partition_point(|&(key, _)| key >> 9 <= code);
    let Some(&(key, difference)) = after.checked_sub(1).and_then(|i| RUNS.get(i)) else {
        return c;
    };
    let offset = code - (key >> 9);
    // In a run of step 2 only the code points at an even offset are upper case.
    if offset < (key >> 1 & 0xFF) && offset & key & 1 == 0 {
        char::from_u32(code.wrapping_add_signed(difference)).unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of std's lower case, as `(first, length, step, difference)`: each upper-case
    /// character extends the run before it when it has the same difference and comes one
    /// step after it (a run of one character takes the step to the next, 1 or 2).
    pub(super) fn generated_runs() -> Vec<(u32, u32, u32, i32)> {
        let mut runs: Vec<(u32, u32, u32, i32)> = Vec::new();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let lower = c.to_lowercase().next().unwrap_or(c);
            if lower == c {
                continue;
            }
            let (code, difference) = (u32::from(c), lower as i32 - c as i32);
            if let Some(run) = runs.last_mut() {
                let gap = code - (run.0 + run.1 - 1);
                if run.3 == difference && (gap == run.2 || (run.1 == 1 && gap == 2)) {
                    run.2 = gap;
                    run.1 = code - run.0 + 1;
                    continue;
                }
            }
            runs.push((code, 1, 1, difference));
        }
        runs
    }

    #[test]
    fn the_table_is_generated() {
        let runs = generated_runs();
        let table: Vec<(u32, i32)> = runs
            .iter()
            .map(|&(first, length, step, difference)| run(first, length, step, difference))
            .collect();
        if table != RUNS {
            for (first, length, step, difference) in &runs {
                println!("    run({first:#x}, {length}, {step}, {difference}),");
            }
            panic!(
                "the lower-case table is out of date: paste the {} runs above",
                runs.len()
            );
        }
        // The packing holds: every length fits its eight bits.
        assert!(runs.iter().all(|&(_, length, _, _)| length < 256));
    }

    #[test]
    fn every_character_lowers_as_std_does() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(lowercase(c), c.to_lowercase().next().unwrap_or(c), "{c:?}");
        }
    }

    #[test]
    fn examples() {
        assert_eq!(lowercase('A'), 'a');
        assert_eq!(lowercase('a'), 'a');
        assert_eq!(lowercase('Ā'), 'ā');
        assert_eq!(lowercase('ā'), 'ā');
        assert_eq!(lowercase('İ'), 'i');
        assert_eq!(lowercase('Ж'), 'ж');
        assert_eq!(lowercase('7'), '7');
    }
}
