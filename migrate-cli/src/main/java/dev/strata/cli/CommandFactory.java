package dev.strata.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/**
 * Creates the commands for picocli, handing each the {@link CliContext} through its constructor, so that a command
 * does not reach back to its parent for the outside world. Classes without such a constructor (option groups, the
 * help command) are created by picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private static final CommandLine.IFactory DEFAULTS = CommandLine.defaultFactory();

    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withContext;
        try {
            withContext = type.getDeclaredConstructor(CliContext.class);
        } catch (NoSuchMethodException e) {
            return DEFAULTS.create(type);
        }
        withContext.setAccessible(true);
        return withContext.newInstance(context);
    }
}
