package io.dealflow.platform.testing;

/** Test settings come from environment variables so CI and developers can point tests elsewhere. */
final class Env {

    private Env() {
    }

    static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    static boolean isTrue(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }
}
