#!/usr/bin/env python3
"""Writes a CARD file (spec §4.1) of N synthetic card holders with valid identity numbers, and its done file."""
import hashlib
import random
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
COUNTIES = ["630102", "630103", "630104", "630105", "630121", "630202", "632221", "632521"]


def check_character(body):
    return CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def main(path, count):
    rnd = random.Random(20171015)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date\r\n")
        for n in range(count):
            county = COUNTIES[n % len(COUNTIES)]
            birth = "%04d%02d%02d" % (1940 + n % 70, 1 + (n // 70) % 12, 1 + (n // 840) % 28)
            sequence = (n // 23520) % 1000
            body = "%s%s%03d" % (county, birth, sequence)
            sex = "1" if sequence % 2 else "2"
            out.write("%s%s,张%s,%s,01,%s,Q%09d,%s,1,20150301\r\n"
                      % (body, check_character(body), "伟芳娜敏静强"[rnd.randrange(6)], sex, birth, n, county))
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    with open(path + ".ok", "w", encoding="utf-8") as done:
        done.write("%s\nrecords=%d\n" % (digest, count))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
