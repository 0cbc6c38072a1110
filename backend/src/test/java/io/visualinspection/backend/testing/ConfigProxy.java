package io.visualinspection.backend.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@code @ConfigMapping} interface answering the given values by method name, for tests without Quarkus. */
public final class ConfigProxy {

    private ConfigProxy() {
    }

    /** Any method not in {@code values} throws, so a test shows which settings the code under test reads. */
    public static <T> T of(Class<T> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                }));
    }
}
