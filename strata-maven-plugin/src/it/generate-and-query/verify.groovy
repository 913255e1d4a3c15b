// Runs after the builds of invoker.properties; build.log holds what Maven printed.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/strata/com/example/db')

assert new File(generated, 'SchemaVersion.java').text.contains('public final class SchemaVersion implements SchemaDescriptor')
assert new File(generated, 'tables/Invoice.java').isFile()
assert new File(generated, 'tables/pojos/Customer.java').text.contains('public record Customer(')
assert !new File(generated, 'tables/StrataSchemaHistory.java').exists() : 'the history table is not generated'
assert new File(basedir, 'target/classes/com/example/app/Billing.class').isFile()

// BillingTest: a typed query, the descriptor, SchemaGuard accepting the migrated database and rejecting one behind.
def surefire = new File(basedir, 'target/surefire-reports/TEST-com.example.app.BillingTest.xml').text
def suite = (surefire =~ /<testsuite [^>]*>/)[0]
assert suite.contains('tests="3"') && suite.contains('failures="0"') && suite.contains('errors="0"') && suite.contains('skipped="0"') : suite
assert surefire.contains('name="theGuardAcceptsTheMigratedDatabaseAndRejectsOneBehind(DataSource)"')

assert log =~ /Strata: generated com\.example\.db: \d+ files \(\d+ written\) from 2 migrations up to version 2 with jOOQ 3\.19\.\d+ on PostgreSQL \d+\.\d+\.\d+ in /
assert log.contains('Strata: the generated sources of com.example.db match the migrations.')
// The second build: nothing changed, so nothing is written and no server starts.
assert log =~ /Strata: com\.example\.db is up to date \(version 2, fingerprint sha256:[0-9a-f]{12}…, jOOQ 3\.19\.\d+, PostgreSQL \d+\.\d+\.\d+\): nothing written/

// The CLI migrates the project through its own strata.toml, found in the project's directory (no --config), on the
// embedded server that file asks for. strataJar is the reactor's migrate-cli/target/strata.jar (scriptVariables).
def jar = new File(strataJar)
assert jar.isFile() : "${jar} is missing: build migrate-cli first (mvn -pl strata-maven-plugin -am verify)"
def strata = { String... arguments ->
    def command = [new File(System.getProperty('java.home'), 'bin/java').path, '-jar', jar.path] + arguments.toList()
    def builder = new ProcessBuilder(command).directory(basedir)
    builder.environment().keySet().removeIf { it.startsWith('STRATA_') }   // only the project's file configures it
    def process = builder.start()
    process.outputStream.close()                                              // no terminal, as in a pipeline
    def stdout = new StringBuilder(), stderr = new StringBuilder()
    process.waitForProcessOutput(stdout, stderr)
    println "\$ java -jar strata.jar ${arguments.join(' ')}: exit ${process.exitValue()}\n${stderr}${stdout}"   // into build.log
    [exit: process.exitValue(), out: stdout.toString(), err: stderr.toString()]
}
try {
    def migrate = strata('migrate')
    assert migrate.exit == 0 : migrate
    assert migrate.err.contains('Configuration: strata.toml (found in the working directory)') : migrate.err
    assert migrate.err.contains('Using embedded PostgreSQL') : migrate.err
    assert migrate.out.contains('V1__create_customer.sql') && migrate.out.contains('V2__create_invoice.sql') : migrate.out
    assert migrate.out =~ /Applied 2 migrations in [0-9.]+ s\. Schema is now at version 2\./

    def status = strata('status')
    assert status.exit == 0 : status
    assert status.out =~ /(?m)^2 +create invoice +applied /
    assert status.out.contains('2 migrations: 2 applied. Current version: 2.') : status.out

    def again = strata('migrate')
    assert again.exit == 0 : again
    assert again.out.contains('Schema is up to date at version 2: no migration to apply.') : again.out
} finally {
    new File(basedir, '.strata').deleteDir()
}
assert !new File(basedir, '.strata').exists()
return true
