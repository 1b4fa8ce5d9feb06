//! Numbers written in decimal without `core::fmt`: dates and times are written once per
//! update, and search results a number per hit and facet value.

/// `n` in decimal, padded with zeros to `width` digits (at most 20, as many as a `u64` has).
pub(crate) fn push_uint(mut n: u64, width: usize, out: &mut String) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    while n > 0 || at == digits.len() {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let at = at.min(digits.len() - width.min(digits.len()));
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// `n` padded with zeros to `width` characters, its sign included, as `format!("{n:0width$}")`.
pub(crate) fn push_int(n: i64, width: usize, out: &mut String) {
    if n < 0 {
        out.push('-');
    }
    push_uint(
        n.unsigned_abs(),
        width.saturating_sub(usize::from(n < 0)),
        out,
    );
}

/// A date as `YYYY-MM-DD`.
pub(crate) fn push_date(y: i32, m: u32, d: u32, out: &mut String) {
    push_int(i64::from(y), 4, out);
    out.push('-');
    push_uint(u64::from(m), 2, out);
    out.push('-');
    push_uint(u64::from(d), 2, out);
}

#[cfg(test)]
mod tests {
    use super::{push_date, push_int, push_uint};

    fn write(f: impl Fn(&mut String)) -> String {
        let mut out = String::new();
        f(&mut out);
        out
    }

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0u64, 7, 42, 1_234_567, u64::MAX] {
            for width in [0, 2, 4, 6, 20] {
                assert_eq!(write(|o| push_uint(n, width, o)), format!("{n:0width$}"));
            }
        }
        for n in [0i64, 5, -5, -1234, 12345, i64::MIN, i64::MAX] {
            for width in [0, 2, 4] {
                assert_eq!(write(|o| push_int(n, width, o)), format!("{n:0width$}"));
            }
        }
        assert_eq!(write(|o| push_date(2024, 3, 7, o)), "2024-03-07");
        assert_eq!(
            write(|o| push_date(-44, 12, 31, o)),
            format!("{:04}-12-31", -44)
        );
    }
}
