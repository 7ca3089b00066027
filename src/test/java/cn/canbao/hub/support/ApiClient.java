package cn.canbao.hub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** Real HTTP against the hub's API, as one of its users (password from the generated secrets file). */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    private ApiClient(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    public static ApiClient as(String user, Path dataDir, int port) throws IOException {
        String password = Files.readString(dataDir.resolve("secrets/api/" + user + ".password")).strip();
        return new ApiClient(port, basic(user, password));
    }

    public static ApiClient withPassword(String user, String password, int port) {
        return new ApiClient(port, basic(user, password));
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any body with any Content-Type ({@code contentType} null: none), answered within {@code timeout}. */
    public HttpResponse<String> post(String path, String contentType, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
