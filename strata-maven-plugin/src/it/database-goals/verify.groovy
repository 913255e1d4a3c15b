def log = new File(basedir, 'build.log').text

assert log =~ /--- strata-maven-plugin:[^:]+:migrate \(default-cli\) @ orders-db ---/
assert log.contains('Applied 1 migration in ')
assert !log.contains('postmaster started') : 'the embedded server stays quiet'
assert log =~ /--- strata-maven-plugin:[^:]+:status \(default-cli\) @ orders-db ---/
assert log =~ /(?m)^\[INFO\] 1 +create purchase order +applied/
assert log.contains('edit detected in src/edited/V1__create_purchase_order.sql (version 1) after it was applied')
assert log =~ /strata validate failed with exit code 4: /
assert log.contains('BUILD FAILURE')
return true
