package io.visualinspection.camera.rest;

/** Example bodies shown in the OpenAPI document (Swagger UI), as the backend sees them from a camera adapter. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String CAMERA_INFO = """
            {"Name": "Emulated Basler camera", "IP": "127.0.0.1", "MAC": "00:00:00:00:00:01",
             "SerialNumber": "EMU-0001"}""";

    static final String BAD_PARAMETER = """
            {"status": 400, "error": "Bad Request", "message": "quality must be in 10..100, got 200"}""";

    static final String UNKNOWN_CAMERA = """
            {"status": 404, "error": "Not Found", "message": "no camera with serial_number 'line-3'; known: \
            EMU-0001 (127.0.0.1)"}""";
}
