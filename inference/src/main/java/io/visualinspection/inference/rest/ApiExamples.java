package io.visualinspection.inference.rest;

/** Example bodies shown in the OpenAPI document (Swagger UI), as a caller of the service would see them. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String DETECTION = """
            {"bboxes": [[234.4, 204.1, 334.1, 324.5], [64.5, 49.6, 420.1, 204.6]], "class_ids": [0, 25],
             "scores": [0.796, 0.653], "class_names": ["person", "umbrella"], "model": "yolov5s-coco",
             "model_version": "1.0.11", "image_width": 640, "image_height": 424,
             "timings_ms": {"queue": 0.0, "decode": 3.9, "preprocess": 1.5, "session": 114.1, "postprocess": 0.6,
                            "total": 120.3}}""";

    static final String NOT_AN_IMAGE = """
            {"status": 400, "error": "Bad Request", "message": "the data is not an image in a supported format \
            (JPEG, PNG, BMP, WebP), 12 bytes starting with 0x6e6f7420616e2069"}""";

    static final String BAD_PARAMETER = """
            {"status": 400, "error": "Bad Request", "message": "score_threshold must be in 0..1, got 2"}""";

    static final String TOO_LARGE = """
            {"status": 413, "error": "Request Entity Too Large", "message": "the image declares 50000x50000 pixels, \
            over the limit of 50000000 pixels"}""";

    static final String UNKNOWN_MODEL = """
            {"status": 404, "error": "Not Found", "message": "no model named 'board-v2'; known: [yolov5s-coco]"}""";

    static final String BUSY = """
            {"status": 503, "error": "Service Unavailable", "message": "the inference queue is full (16 waiting); \
            retry shortly"}""";
}
