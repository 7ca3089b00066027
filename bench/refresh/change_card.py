#!/usr/bin/env python3
"""Writes a CARD increment (spec §4.1) of every n-th holder of a CARD file, with the card reported lost (status 2) and
a new issue date: the nightly file of a card system in which that share of its holders changed."""
import hashlib
import sys


def main(source, target, every):
    count = 0
    with open(source, encoding="utf-8", newline="") as lines, \
            open(target, "w", encoding="utf-8", newline="") as out:
        out.write(next(lines))
        for n, line in enumerate(lines):
            if n % every == 0:
                fields = line.rstrip("\r\n").split(",")
                fields[7], fields[8] = "2", "20171016"
                out.write(",".join(fields) + "\r\n")
                count += 1
    digest = hashlib.sha256(open(target, "rb").read()).hexdigest()
    with open(target + ".ok", "w", encoding="utf-8") as done:
        done.write("%s\nrecords=%d\n" % (digest, count))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
