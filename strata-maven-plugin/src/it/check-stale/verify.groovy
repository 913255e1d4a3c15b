// The second build (check with V2 added) failed; build.log holds what Maven printed.
def log = new File(basedir, 'build.log').text

assert log.contains('Strata: the generated sources in ')
assert log =~ /are stale: \d+ files differ/
assert log.contains('--- committed/SchemaVersion.java')
assert log =~ /(?m)^\+    public final TableField<AccountRecord, String> EMAIL/
assert log.contains('mvn dev.strata:strata-maven-plugin:generate -Dstrata.force')
assert log.contains('BUILD FAILURE')
def account = new File(basedir, 'src/generated/java/com/example/db/tables/Account.java').text
assert !account.contains('EMAIL') : 'check writes nothing'
return true
