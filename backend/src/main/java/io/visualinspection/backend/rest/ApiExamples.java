package io.visualinspection.backend.rest;

/** Example bodies shown in the OpenAPI document (Swagger UI), as a line controller would see them. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String INSPECTION = """
            {"inspection_id": "20261122T031512123Z-a1b2c3d4", "timestamp": "2026-11-22T03:15:12.123Z",
             "decision": false, "reason": "1 of 2 items of variant 'front' not found",
             "pattern_key": "board-a", "pattern_name": "front", "pattern_lg": [true, false],
             "images": {"img": "/9j/4AAQ...", "img_drawn": "/9j/4AAQ..."},
             "results": {"bboxes": [[120.5, 80.0, 310.2, 260.9]], "class_ids": [0], "class_names": ["screw"],
                         "scores": [0.91]},
             "model": "board-detector", "model_version": "3", "image_width": 1280, "image_height": 960,
             "min_score": 0.5,
             "timings_ms": {"camera": 41.2, "inference": 388.0, "pattern": 0.1, "decoding": 9.3, "drawing": 6.2,
                            "encoding": 11.5, "total": 458.1}}""";

    static final String DECISION_ONLY = """
            {"inspection_id": "20261122T031512123Z-a1b2c3d4", "timestamp": "2026-11-22T03:15:12.123Z",
             "decision": true, "model": "board-detector", "model_version": "3", "image_width": 1280,
             "image_height": 960, "min_score": 0.5, "timings_ms": {"camera": 40.8, "inference": 385.1, "pattern": 0.1,
             "total": 427.3}}""";

    static final String CHECK_PATTERN_REQUEST = """
            {"coordinates": [[0.1, 0.1, 0.9, 0.9]], "class_ids": [15], "scores": [0.87], "pattern_key": "demo-cat"}""";

    static final String CHECK_PATTERN_RESULT = """
            {"decision": true, "pattern_key": "demo-cat", "pattern_name": "cat-centred", "lg": [true],
             "matched_detections": [0], "extra_detections": [], "strict": false}""";

    static final String BAD_REQUEST = """
            {"status": 400, "error": "Bad Request", "message": "min_score must be in 0..1, got 2.0"}""";

    static final String UNKNOWN_PATTERN = """
            {"status": 404, "error": "Not Found", "message": "unknown pattern_key 'board-b'; known: [demo-cat]"}""";

    static final String CAMERA_UNREACHABLE = """
            {"status": 502, "error": "Bad Gateway", "message": "camera is unreachable: Connection refused",
             "upstream": "camera"}""";

    static final String CAMERA_TIMEOUT = """
            {"status": 504, "error": "Gateway Timeout", "message": "camera did not answer in time", "upstream": "camera"}""";

    static final String INFERENCE_BUSY = """
            {"status": 503, "error": "Service Unavailable",
             "message": "inference is unavailable: the inference queue is full (16 waiting); retry shortly",
             "upstream": "inference"}""";
}
