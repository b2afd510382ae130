package cyborg.cli;

import picocli.CommandLine;

/** Reports the toolkit's version and the engine it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CyborgCommand.class.getPackage().getImplementationVersion();
        return new String[] {"cyborg " + (v == null ? "dev" : v) + " (DJL 0.35.1, PyTorch 2.7.1 CPU)"};
    }
}
