package cn.canbao.hub.reliability.crash;

/** Where the harness reads the hub's embedded PostgreSQL: the registry and the civil-affairs front database. */
public final class HubDatabase {

    public static final String REGISTRY = "postgres";
    public static final String CIVIL_FRONT = "civil_front";
    /** The embedded server's superuser; it trusts local connections. */
    public static final String USER = "postgres";

    private HubDatabase() {
    }

    public static String url(HubPorts ports, String database) {
        return "jdbc:postgresql://127.0.0.1:" + ports.database() + "/" + database
                + "?connectTimeout=5&socketTimeout=60";
    }
}
