#!/usr/bin/env python3
"""Writes a POLICE XML file (spec §4.7, GBK) of at least the given size in bytes, and its done file."""
import hashlib
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_character(body):
    return CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def person(n):
    birth = "%04d%02d%02d" % (1940 + n % 70, 1 + (n // 70) % 12, 1 + (n // 840) % 28)
    body = "630102%s%03d" % (birth, (n // 23520) % 1000)
    return ("  <Person op=\"ADD\"><GMSFHM>%s%s</GMSFHM><XM>卓玛·拉毛</XM><XB>%s</XB><MZ>04</MZ><CSRQ>%s</CSRQ>"
            "<RYLB>1</RYLB><HJXZQH>630102001</HJXZQH><JZXZQH>630102001</JZXZQH>"
            "<HJDZ>城东区东关大街某社区某号院某单元某室</HJDZ><RYZT>0</RYZT><BDRQ>20171001</BDRQ></Person>\n"
            % (body, check_character(body), "1" if (n // 23520) % 2 else "2", birth))


def main(path, size):
    sample = person(0).encode("gb18030")
    count = size // len(sample) + 1
    with open(path, "wb") as out:
        out.write(('<?xml version="1.0" encoding="GBK"?>\n<PopulationExchange sender="630000" date="20171015" '
                   'count="%d">\n' % count).encode("ascii"))
        for n in range(count):
            out.write(person(n).encode("gb18030"))
        out.write(b"</PopulationExchange>\n")
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    with open(path + ".ok", "w", encoding="utf-8") as done:
        done.write("%s\nrecords=%d\n" % (digest.hexdigest(), count))
    print(count)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
