package io.visualinspection.model.labels;

/** A YOLO label file that cannot be used, with where and why, so that whoever wrote it can fix it. */
public class LabelFileException extends Exception {

    private final String source;
    private final int line;
    private final String problem;

    public LabelFileException(String source, int line, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
