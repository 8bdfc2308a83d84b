package io.atrest.cli;

/** Where atrest keeps things when told nothing else. */
final class Defaults {
    /** The embedded history database, in ./atrest-data/ beside where atrest runs. */
    static final String DATABASE = "jdbc:h2:file:./atrest-data/atrest";
    /** The demo's own database, so fictional findings never mix with real history. */
    static final String DEMO_DATABASE = "jdbc:h2:file:./atrest-data/demo";
    static final String REGION = "us-east-1";
    /** Where the defaults above live, and reports go when --out is not given. */
    static final String DATA_FOLDER = "atrest-data";

    private Defaults() {}
}
