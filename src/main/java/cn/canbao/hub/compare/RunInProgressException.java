package cn.canbao.hub.compare;

/** A comparison run was asked for while another one holds the run lock (in this JVM or another). */
public class RunInProgressException extends RuntimeException {

    public RunInProgressException() {
        super("a comparison run is in progress");
    }
}
