// Runs after the builds of invoker.properties; build.log holds what Maven printed.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/strata/com/example/db')

assert new File(generated, 'SchemaVersion.java').text.contains('public final class SchemaVersion implements SchemaDescriptor')
assert new File(generated, 'tables/Invoice.java').isFile()
assert new File(generated, 'tables/pojos/Customer.java').text.contains('public record Customer(')
assert !new File(generated, 'tables/StrataSchemaHistory.java').exists() : 'the history table is not generated'
assert new File(basedir, 'target/classes/com/example/app/Billing.class').isFile()

def surefire = new File(basedir, 'target/surefire-reports/TEST-com.example.app.BillingTest.xml').text
assert surefire.contains('tests="2"') && surefire.contains('failures="0"') && surefire.contains('errors="0"')

assert log =~ /Strata: generated com\.example\.db: \d+ files \(\d+ written\) from 2 migrations up to version 2 with jOOQ 3\.19\.\d+ on PostgreSQL \d+\.\d+\.\d+ in /
assert log.contains('Strata: the generated sources of com.example.db match the migrations.')
// The second build: nothing changed, so nothing is written and no server starts.
assert log =~ /Strata: com\.example\.db is up to date \(version 2, fingerprint sha256:[0-9a-f]{12}…, jOOQ 3\.19\.\d+, PostgreSQL \d+\.\d+\.\d+\): nothing written/
return true
