package io.visualinspection.containertests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The operator UI's image: it serves the Vaadin application even before a backend is reachable. */
@Order(4)
class FrontendImageIT {

    static ServiceContainer frontend;

    @BeforeAll
    static void start() {
        ContainerEnvironment.requireEngine();
        frontend = new ServiceContainer("frontend", 8080)
                .withEnv("QUARKUS_REST_CLIENT_BACKEND_URL", "http://backend:5051");
        frontend.start();
    }

    @AfterAll
    static void stop() {
        if (frontend != null) {
            frontend.stop();
        }
    }

    @Test
    void startsHealthyAsAnUnprivilegedUser() throws Exception {
        frontend.assertHealthy();
        frontend.assertRunsUnprivileged();
    }

    @Test
    void servesTheOperatorUi() {
        given().baseUri(frontend.url()).when().get("/")
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("Vaadin"));
    }
}
