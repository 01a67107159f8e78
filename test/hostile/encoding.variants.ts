/** Byte sequences that are not UTF-8: each one alone makes a document unreadable as UTF-8. */
export function invalidUtf8Variants(): Array<[string, Uint8Array]> {
  return [
    ['lone continuation byte', Uint8Array.of(0x80)],
    ['truncated two-byte sequence', Uint8Array.of(0xc3, 0x28)],
    ['overlong slash', Uint8Array.of(0xc0, 0xaf)],
    ['UTF-16 surrogate encoded (CESU-8)', Uint8Array.of(0xed, 0xa0, 0x80)],
    ['byte 0xFF', Uint8Array.of(0xff)],
    ['ISO-8859-9 "ş"', Uint8Array.of(0xfe)],
  ];
}
