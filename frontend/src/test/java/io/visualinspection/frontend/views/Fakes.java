package io.visualinspection.frontend.views;

import io.visualinspection.frontend.client.InspectionPage;
import io.visualinspection.frontend.client.PatternList;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.HistoryGateway;
import io.visualinspection.frontend.service.ImageData;
import io.visualinspection.frontend.service.InspectionFailedException;
import io.visualinspection.frontend.service.InspectionGateway;
import io.visualinspection.frontend.service.InspectionSettings;
import io.visualinspection.frontend.service.LineSetupGateway;
import io.visualinspection.frontend.service.StatusGateway;
import io.visualinspection.frontend.service.SystemStatus;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import io.visualinspection.model.manifest.ModelManifest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Gateways that answer what a test put in them, and remember what they were asked. */
final class Fakes {

    private Fakes() {
    }

    static final class Inspections implements InspectionGateway {
        final Deque<Supplier<InspectionResult>> outcomes = new ArrayDeque<>();
        final List<InspectionSettings> triggeredWith = new ArrayList<>();
        final List<String> overrules = new ArrayList<>();
        GatewayException overruleFailure;

        @Override
        public InspectionResult trigger(InspectionSettings settings) {
            triggeredWith.add(settings);
            return outcomes.removeFirst().get();
        }

        @Override
        public InspectionRecord overrule(String id, boolean verdict, String operator, String comment) {
            if (overruleFailure != null) {
                throw overruleFailure;
            }
            overrules.add(id + " " + verdict + " " + operator + " " + comment);
            InspectionResult r = Samples.result(id, true, List.of(true));
            return new InspectionRecord(r, Map.of(), "camera", null, null,
                    new InspectionRecord.Overrule(verdict, operator, comment, Instant.parse("2026-11-22T10:42:05Z")));
        }

        void fails(String message) {
            outcomes.add(() -> {
                throw new InspectionFailedException(message, null);
            });
        }
    }

    static final class History implements HistoryGateway {
        /** Newest first. */
        final List<InspectionRecord> records = new ArrayList<>();
        final List<DecisionFilter> asked = new ArrayList<>();
        final Map<String, ImageData> images = new HashMap<>();
        GatewayException failure;

        @Override
        public InspectionPage recent(DecisionFilter filter, int offset, int limit) {
            asked.add(filter);
            if (failure != null) {
                throw failure;
            }
            List<InspectionRecord> matching = records.stream().filter(r -> switch (filter) {
                case ALL -> true;
                case OK -> Boolean.TRUE.equals(r.finalDecision());
                case NOK -> Boolean.FALSE.equals(r.finalDecision());
            }).toList();
            int from = Math.min(offset, matching.size());
            int to = Math.min(matching.size(), from + limit);
            return new InspectionPage(matching.size(), matching.subList(from, to));
        }

        @Override
        public Optional<Detail> find(String id) {
            if (failure != null) {
                throw failure;
            }
            return records.stream().filter(r -> r.id().equals(id)).findFirst()
                    .map(r -> new Detail(r, "{\n  \"result\": {\"inspection_id\": \"" + id + "\"}\n}"));
        }

        @Override
        public Optional<ImageData> image(String id, boolean drawn) {
            return Optional.ofNullable(images.get(id + (drawn ? "/drawn" : "/raw")));
        }

        @Override
        public Optional<ImageData> thumbnail(String id) {
            return image(id, true);
        }
    }

    static final class Setup implements LineSetupGateway {
        PatternList patterns = Samples.patterns();
        List<ModelManifest> models = Samples.models();
        GatewayException patternsFailure;
        GatewayException modelsFailure;

        @Override
        public PatternList patterns() {
            if (patternsFailure != null) {
                throw patternsFailure;
            }
            return patterns;
        }

        @Override
        public List<ModelManifest> models() {
            if (modelsFailure != null) {
                throw modelsFailure;
            }
            return models;
        }
    }

    static final class Status implements StatusGateway {
        SystemStatus next = Samples.allUp();
        int asked;

        @Override
        public SystemStatus status() {
            asked++;
            return next;
        }
    }
}
