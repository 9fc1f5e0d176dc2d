package dev.nvmekit.testbench.cli;

import dev.nvmekit.rtl.dsl.Component;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The designs the command line can build: named designs that take {@code --param name=value}
 * (the NVMe front end), or any user {@link Component} class on the classpath with a public
 * no-argument constructor, given by its fully qualified name.
 */
final class DesignCatalog {
    private final Map<String, Function<Map<String, String>, Component>> named = new TreeMap<>();

    DesignCatalog() {
    }

    /** Registers a named, parameterised design. */
    DesignCatalog register(String name, Function<Map<String, String>, Component> factory) {
        named.put(name, factory);
        return this;
    }

    /** Builds {@code design} with {@code params}; a usage error names what is wrong. */
    Component build(String design, Map<String, String> params) {
        var factory = named.get(design);
        if (factory != null) return factory.apply(new LinkedHashMap<>(params));
        if (!design.contains(".")) {
            throw new Main.UsageError("unknown design '" + design + "'; known: " + named.keySet()
                    + ", or a fully qualified Component class name");
        }
        if (!params.isEmpty()) {
            throw new Main.UsageError("design class " + design + " takes no --param (pass parameters through its constructor)");
        }
        try {
            // A user's design class named on the command line: the one place a class is found by name.
            Class<?> c = Class.forName(design);
            if (!Component.class.isAssignableFrom(c)) throw new Main.UsageError(design + " is not a Component");
            return (Component) c.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new Main.UsageError("class " + design + " is not on the classpath");
        } catch (NoSuchMethodException e) {
            throw new Main.UsageError(design + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new Main.CheckFailed(design + " failed to construct: " + cause);
        } catch (ReflectiveOperationException e) {
            throw new Main.UsageError("cannot construct " + design + ": " + e.getMessage());
        }
    }

    /** Names of the named designs. */
    Iterable<String> names() {
        return named.keySet();
    }

    /** The catalog the command line uses. */
    static DesignCatalog standard() {
        return new DesignCatalog()
                .register("nvme_frontend", params -> new dev.nvmekit.nvme.NvmeFrontend(FrontendParameterOptions.parse(params)));
    }
}
