//! Bytes as text for localStorage, which holds UTF-16 strings: 15 bits to a character,
//! in U+0020..=U+801F (never a control character below the space, never a surrogate),
//! so 100 bytes take 54 characters where hex would take 200 and base64 134.

const BASE: u32 = 0x20;

/// Packs `bytes` into characters. The reader ignores up to one spare zero byte at the
/// end, so no length is needed.
pub fn pack(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 8 / 15 * 3 + 3);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push(&mut text, (acc >> bits) & 0x7fff);
        }
    }
    if bits > 0 {
        push(&mut text, (acc << (15 - bits)) & 0x7fff);
    }
    text
}

fn push(text: &mut String, value: u32) {
    // `value` is below 0x8000, so the character is a scalar value below U+D800.
    if let Some(c) = char::from_u32(value + BASE) {
        text.push(c);
    }
}

/// Unpacks text made by [`pack`]; `None` if a character is outside the range.
pub fn unpack(text: &str) -> Option<Vec<u8>> {
    // Eight characters hold 120 bits, fifteen whole bytes: taken eight at a time, the
    // bytes go out in blocks rather than one push each (this is most of a cold load's
    // decoding).
    let mut bytes = Vec::with_capacity(text.len() / 3 * 15 / 8 + 16);
    let mut chars = text.chars();
    loop {
        let mut block: u128 = 0;
        let mut read = 0;
        for c in chars.by_ref().take(8) {
            let value = u32::from(c).checked_sub(BASE).filter(|v| *v < 0x8000)?;
            block = (block << 15) | u128::from(value);
            read += 1;
        }
        let block = (block << (15 * (8 - read))).to_be_bytes();
        // The 120 bits are the low fifteen of the sixteen bytes; a short last block
        // keeps only its whole bytes.
        bytes.extend_from_slice(&block[1..1 + 15 * read / 8]);
        if read < 8 {
            return Some(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_round_trips_with_at_most_one_spare_zero() {
        for len in 0..64usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8 | 0x81).collect();
            let text = pack(&bytes);
            assert_eq!(text.chars().count(), (len * 8).div_ceil(15));
            let back = unpack(&text).unwrap();
            assert_eq!(&back[..len], &bytes[..]);
            assert!(back[len..].iter().all(|b| *b == 0) && back.len() <= len + 1);
        }
    }

    #[test]
    fn characters_are_printable_and_never_surrogates() {
        let text = pack(&[0xff; 300]);
        assert!(text.chars().all(|c| (' '..='\u{801f}').contains(&c)));
        assert_eq!(unpack("\u{1f}"), None);
        assert_eq!(unpack("\u{8020}"), None);
    }
}
