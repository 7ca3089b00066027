package cn.canbao.hub.connector.transport;

/**
 * How the hub logs in to the civil-affairs front database. The embedded run supplies one for its stand-in
 * database; otherwise it comes from {@code canbao.frontdb.*}.
 *
 * @param url      JDBC URL
 * @param username the hub's role
 * @param password its password; never logged, and masked in {@link #toString()}
 */
public record FrontDatabaseLogin(String url, String username, String password) {

    @Override
    public String toString() {
        return "FrontDatabaseLogin[url=" + url + ", username=" + username + ", password=******]";
    }
}
