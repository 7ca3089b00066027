package cn.canbao.hub.reliability.fuzz;

import java.util.Random;

/** One way to break a data file: new bytes from old ones, and a short label saying what was done. */
@FunctionalInterface
interface FileMutation {

    Mutated apply(byte[] data, FileSource source, Random random);

    record Mutated(byte[] data, String label) {
    }
}
