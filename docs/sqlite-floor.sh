#!/bin/bash
# SQLite's own cost of the rows an import stores, in the shape of a bulk load (docs/benchmarks.md, issue 20): tables
# without secondary indexes or triggers filled by INSERT ... SELECT from an imported database, then the indexes, then
# the search tables, one commit and the log's copy into the file. Prints the seconds of each step. Needs sqlite3.
# Usage: docs/sqlite-floor.sh <an imported database> [the new file to fill]
set -e
src=$(realpath "$1"); out=$(realpath -m "${2:-/tmp/sqlite-floor.db}")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
rm -f $out $out-wal $out-shm
sqlite3 $src "SELECT sql || ';' FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT GLOB '*Search_*' AND name NOT LIKE 'sqlite_%'" > tables.sql
sqlite3 $src "SELECT sql || ';' FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%'" > fts.sql
sqlite3 $src "SELECT sql || ';' FROM sqlite_master WHERE type='index' AND sql IS NOT NULL" > indexes.sql
sqlite3 $out "PRAGMA journal_mode=WAL" >/dev/null; sqlite3 $out < tables.sql
sqlite3 $out < fts.sql
{
echo "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF; PRAGMA wal_autocheckpoint=100000;"
echo "ATTACH '$src' AS src;"
echo ".timer on"
echo "BEGIN;"
for t in $(sqlite3 $src "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT GLOB '*Search_*' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'"); do
  n=$(sqlite3 $src "SELECT count(*) FROM \"$t\"")
  [ "$n" = "0" ] && continue
  echo ".print rows $t $n"
  echo "INSERT INTO main.\"$t\" SELECT * FROM src.\"$t\";"
done
echo ".print indexes"
cat indexes.sql | sed 's/^/.print index\n/' 
echo ".print search"
for f in ResearcherSearch WorkSearch WorkTitleSearch TopicSearch InstitutionSearch; do echo ".print fts $f"; echo "INSERT INTO $f($f) VALUES('rebuild');"; done
echo ".print commit"
echo "COMMIT;"
echo ".print checkpoint"
echo "PRAGMA wal_checkpoint(TRUNCATE);"
} > load.sql
sqlite3 $out < load.sql 2>&1 | paste -sd' ' | sed 's/Run Time: real \([0-9.]*\) user [0-9.]* sys [0-9.]*/\1/g; s/ \(rows\|index\|indexes\|search\|fts\|commit\|checkpoint\)/\n\1/g'
