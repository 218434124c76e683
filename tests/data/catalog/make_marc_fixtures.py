#!/usr/bin/env python3
"""Writes the ISO 2709 fixtures of tests/shared/test_marc.cpp and test_catalog_import.cpp.

Independent of the C++ writer on purpose: the reader is tested against records built here by hand,
then broken in known ways. Run from anywhere; it writes next to itself. The outputs are checked in.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FT, RT, SD = b"\x1e", b"\x1d", b"\x1f"


def field(tag, *parts, ind=b"  "):
    """A control field (tag 00X, one bytes value) or a data field of (code, value) pairs."""
    if tag.startswith("00"):
        return tag, parts[0] + FT
    body = ind + b"".join(SD + code.encode() + value for code, value in parts)
    return tag, body + FT


def record(fields, leader_type=b"am", coding=b"a", length_override=None):
    directory, data = b"", b""
    for tag, body in fields:
        directory += tag.encode() + b"%04d%05d" % (len(body), len(data))
        data += body
    base = 24 + len(directory) + 1
    total = base + len(data) + 1
    length = b"%05d" % total if length_override is None else length_override
    leader = length + b"n" + leader_type + b" " + coding + b"22" + b"%05d" % base + b" i 4500"
    assert len(leader) == 24
    return leader + directory + FT + data + RT


def laskar_pelangi():
    return record([
        field("001", b"INLIS000000000001"),
        field("008", b"080101s2008    io            000 0 ind d"),
        field("020", ("a", b"979-3062-79-7 (pbk.) :"), ("c", b"Rp 60.000")),
        field("041", ("a", b"ind")),
        field("082", ("a", b"899.221/3"), ("b", b"HIR l")),
        field("100", ("a", b"Hirata, Andrea,"), ("d", b"1967-"), ind=b"1 "),
        field("245", ("a", b"Laskar pelangi :"), ("b", b"sebuah novel /"), ("c", b"Andrea Hirata."), ind=b"10"),
        field("250", ("a", b"Cet. 1."),),
        field("260", ("a", b"Yogyakarta :"), ("b", b"Bentang,"), ("c", b"c2008.")),
        field("300", ("a", b"xiv, 529 hlm. ;"), ("c", b"20 cm.")),
        field("490", ("a", b"Tetralogi laskar pelangi ;"), ("v", b"1"), ind=b"0 "),
        field("500", ("a", b"Novel pertama dari tetralogi.")),
        field("650", ("a", b"Fiksi Indonesia."), ind=b" 4"),
        field("650", ("a", b"Pendidikan"), ("z", b"Belitung."), ind=b" 4"),
        field("852", ("a", b"Perpustakaan Desa Sukamaju"), ("b", b"Rak Fiksi"), ("h", b"899.221 HIR l"),
              ("p", b"B0001")),
        field("852", ("b", b"Rak Fiksi"), ("h", b"899.221 HIR l"), ("p", b"B0002")),
    ])


def bumi_manusia():
    return record([
        field("001", b"INLIS000000000002"),
        field("020", ("a", b"9789799731235")),   # invalid check digit: left out with a warning
        field("020", ("a", b"9789799731241")),
        field("100", ("a", b"Toer, Pramoedya Ananta."), ind=b"1 "),
        field("245", ("a", b"Bumi manusia /"), ("c", b"Pramoedya Ananta Toer."), ind=b"10"),
        field("264", ("a", b"Jakarta :"), ("b", b"Lentera Dipantara,"), ("c", b"2005."), ind=b" 1"),
        field("650", ("a", b"Sejarah"), ("x", b"Fiksi."), ind=b" 4"),
        field("700", ("a", b"Lane, Max,"), ("e", b"penerjemah."), ind=b"1 "),
        field("949", ("a", b"899.221 TOE b"), ("i", b"B0100"), ("l", b"Rak Sastra")),
    ])


def resep():
    # Corporate author, 084 call number, no holdings, language only in 008.
    return record([
        field("008", b"150101s2015    io            000 0 jav d"),
        field("084", ("a", b"641.5 RES")),
        field("110", ("a", b"Indonesia."), ("b", b"Kementerian Pertanian."), ind=b"1 "),
        field("245", ("a", b"Resep masakan Jawa."), ind=b"00"),
        field("651", ("a", b"Jawa Tengah"), ("x", b"Masakan."), ind=b" 4"),
    ])


def no_title():
    return record([field("001", b"NOTITLE"), field("100", ("a", b"Anonim"), ind=b"0 ")])


def directory_out_of_bounds():
    rec = bytearray(record([field("001", b"OOB1"), field("245", ("a", b"Tidak terbaca"), ind=b"00")]))
    # Second directory entry (tag 245): its start offset points far past the record.
    entry = 24 + 12
    rec[entry + 7:entry + 12] = b"09000"
    return bytes(rec)


def base_past_end():
    rec = bytearray(record([field("001", b"BASE1"), field("245", ("a", b"Alamat dasar salah"), ind=b"00")]))
    rec[12:17] = b"99000"
    return bytes(rec)


def non_numeric_directory():
    rec = bytearray(record([field("001", b"NN1"), field("245", ("a", b"Panjang bukan angka"), ind=b"00")]))
    rec[24 + 12 + 3:24 + 12 + 7] = b"00x9"
    return bytes(rec)


def field_terminator_missing():
    rec = bytearray(record([field("001", b"FT1"), field("245", ("a", b"Tanpa terminator"), ind=b"00")]))
    rec[-2:-1] = b"."  # last field's 0x1E replaced
    return bytes(rec)


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    good = [laskar_pelangi(), bumi_manusia(), resep()]
    write("good.mrc", b"".join(good))
    # Records 2, 4, 5 and 6 are broken in different ways; 1, 3 and 7 must still come through.
    write("broken_among_good.mrc", b"".join([
        good[0], directory_out_of_bounds(), good[1], base_past_end(), non_numeric_directory(),
        field_terminator_missing(), good[2], no_title(),
    ]))
    # Leader lengths that lie (too short, not a number) over records that are otherwise intact.
    write("wrong_leader_length.mrc", b"".join([
        record([field("001", b"LEN1"), field("245", ("a", b"Panjang salah"), ind=b"00")], length_override=b"00042"),
        record([field("001", b"LEN2"), field("245", ("a", b"Panjang huruf"), ind=b"00")], length_override=b"0OO7x"),
    ]))
    write("directory_out_of_bounds.mrc", directory_out_of_bounds())
    # leader/09 'a' but "Caf\xe9" is Latin-1, not UTF-8: repaired with U+FFFD.
    write("invalid_utf8.mrc", record([
        field("001", b"UTF1"),
        field("245", ("a", b"Kopi di Caf\xe9 Bandung"), ind=b"00"),
        field("100", ("a", b"Surya, \xc3\x28Budi"), ind=b"1 "),
    ]))
    # MARC-8 (leader/09 blank), ANSEL diacritics BEFORE their base letters.
    write("marc8.mrc", record([
        field("001", b"M8-1"),
        field("100", ("a", b"M\xe8uller, J\xe8urgen"), ind=b"1 "),            # Müller, Jürgen
        field("245", ("a", b"Espa\xe4na y Fran\xf0cais :"),                      # España y Français
              # Łódź, Český Krumlov, Saṣṭra
              ("b", b"\xa1\xe2od\xe2z, \xe9Cesk\xe2y Krumlov, Sa\xf2s\xf2tra /"), ind=b"10"),
        field("260", ("a", b"K\xe8oln :"), ("b", b"Verlag f\xe8ur \xb5rzte,"), ("c", b"1999.")),  # Köln, für ærzte
        field("500", ("a", b"Catatan: \xe2x dan \xe0a; \xc3 1999 \x1b(Bunicode\x1bs.")),  # x́, ả, ©
    ], coding=b" "))
    # leader/09 blank over UTF-8 text, as some exporting tools write it.
    write("mislabelled_utf8.mrc", record([
        field("001", b"MIS1"), field("245", ("a", "Kisah Café Jürgen".encode()), ind=b"00"),
    ], coding=b" "))
    # Record 1 lost its record terminator: record 2 must still be found.
    first = record([field("001", b"T1"), field("245", ("a", b"Tanpa akhir"), ind=b"00")])[:-1]
    second = record([field("001", b"T2"), field("245", ("a", b"Sesudahnya"), ind=b"00")])
    write("missing_terminator.mrc", first + second)
    # The file ends in the middle of record 3.
    third = laskar_pelangi()
    write("truncated.mrc", good[1] + good[2] + third[: len(third) // 2])


if __name__ == "__main__":
    main()
