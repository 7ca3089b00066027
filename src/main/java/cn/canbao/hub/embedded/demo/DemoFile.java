package cn.canbao.hub.embedded.demo;

/** One demo data file as its sender would upload it: the bytes and the data-record count for the done file. */
public record DemoFile(String system, String account, String fileName, byte[] data, long records) {
}
