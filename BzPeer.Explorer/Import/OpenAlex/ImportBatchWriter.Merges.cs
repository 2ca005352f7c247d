namespace BzPeer.Explorer.Import.OpenAlex;

// Merged ids: OpenAlex folds duplicate records into one and lists the old ids in merged_ids/. The old id then leads to
// the survivor, and a stored record under the old id is folded into the survivor's (or renamed, when that is missing).
internal sealed partial class ImportBatchWriter
{
    /// <summary>
    /// Records that OpenAlex merged <see cref="MergedIdRecord.OldId"/> into another record, and folds a stored record
    /// with the old id into the survivor (or renames it, when the survivor is not stored).
    /// </summary>
    private void ApplyMerge(MergedIdRecord merge)
    {
        _redirects.Clear();
        var survivor = Redirect(merge.MergedIntoId, force: true);
        if (survivor == merge.OldId) return;
        if (_sql.Scalar("SELECT \"MergedIntoId\" FROM \"MergedIds\" WHERE \"OpenAlexId\" = @old", merge.OldId) as string == survivor) return;

        _sql.Execute("""
            INSERT INTO "MergedIds" ("OpenAlexId", "MergedIntoId", "MergeDate") VALUES (@old, @survivor, @date)
            ON CONFLICT ("OpenAlexId") DO UPDATE SET "MergedIntoId" = excluded."MergedIntoId", "MergeDate" = excluded."MergeDate"
            """, merge.OldId, survivor, merge.MergeDate);
        _sql.Execute("UPDATE \"MergedIds\" SET \"MergedIntoId\" = @survivor WHERE \"MergedIntoId\" = @old", survivor, merge.OldId);
        _hasMergedIds = true;
        _redirects.Clear();
        _counts.MergedIds++;

        var known = merge.Kind switch
        {
            OpenAlexKind.Work => _works,
            OpenAlexKind.Author => _researchers,
            OpenAlexKind.Institution => _institutions,
            OpenAlexKind.Source => _sources,
            OpenAlexKind.Topic => _topics,
            _ => null,
        };
        if (known is null) return;
        var old = known.Find(_sql, merge.OldId);
        var kept = known.Find(_sql, survivor);
        known.Forget(merge.OldId);
        if (old is { } oldRecord && kept is null)
        {
            _sql.Execute($"UPDATE \"{known.Table}\" SET \"OpenAlexId\" = @survivor WHERE \"Id\" = @old", survivor, oldRecord.Id);
            known.Remember(survivor, oldRecord);
        }
        else if (old is { } folded && kept is { } target)
        {
            _deletedRows = true;
            switch (merge.Kind)
            {
                case OpenAlexKind.Author: FoldResearcher(folded.Id, target.Id); break;
                case OpenAlexKind.Work: FoldWork(folded.Id, target.Id); break;
                case OpenAlexKind.Institution: FoldInstitution(folded.Id, target.Id); break;
                case OpenAlexKind.Source: FoldVenue(folded.Id, target.Id); break;
                case OpenAlexKind.Topic: FoldTopic(folded.Id, target.Id); break;
            }
        }
        if (merge.Kind == OpenAlexKind.Work) ResolvePendingCitations(merge.OldId, survivor);
    }

    private void FoldResearcher(int old, int survivor)
    {
        _affected.RecountResearchers.Add(survivor);
        _affected.RecountResearchers.UnionWith(_sql.Ids("SELECT \"CoAuthorId\" FROM \"CoAuthorPairs\" WHERE \"ResearcherId\" = @old", old));
        _affected.ReaffiliatedResearchers.Add(survivor);
        _sql.Execute("DELETE FROM \"Authorships\" WHERE \"ResearcherId\" = @old AND \"WorkId\" IN (SELECT \"WorkId\" FROM \"Authorships\" WHERE \"ResearcherId\" = @survivor)", old, survivor);
        _sql.Execute("UPDATE \"Authorships\" SET \"ResearcherId\" = @survivor WHERE \"ResearcherId\" = @old", survivor, old);
        _sql.Execute($"""
            INSERT INTO "Affiliations" ("ResearcherId", "InstitutionId", "FirstYear", "LastYear")
            SELECT @survivor, "InstitutionId", "FirstYear", "LastYear" FROM "Affiliations" WHERE "ResearcherId" = @old
            {WidenAffiliation()}
            """, survivor, old);
        // What the app owns about the old record (follows, claims, conversations) moves to the survivor.
        // (Rows that would then break a unique key stay behind and go with the old record.)
        _sql.Execute("""
            UPDATE "Follows" SET "ResearcherId" = @survivor WHERE "ResearcherId" = @old
            AND NOT EXISTS (SELECT 1 FROM "Follows" f WHERE f."UserId" = "Follows"."UserId" AND f."ResearcherId" = @survivor)
            """, survivor, old);
        _sql.Execute("""
            UPDATE "AuthorClaims" SET "ResearcherId" = @survivor WHERE "ResearcherId" = @old
            AND NOT ("Status" = 'Approved' AND EXISTS (SELECT 1 FROM "AuthorClaims" c WHERE c."ResearcherId" = @survivor AND c."Status" = 'Approved'))
            AND NOT ("Status" = 'Pending' AND EXISTS (SELECT 1 FROM "AuthorClaims" c
                     WHERE c."ResearcherId" = @survivor AND c."UserId" = "AuthorClaims"."UserId" AND c."Status" = 'Pending'))
            """, survivor, old);
        _sql.Execute("UPDATE \"Conversations\" SET \"ResearcherId\" = @survivor WHERE \"ResearcherId\" = @old", survivor, old);
        _sql.Execute("DELETE FROM \"Researchers\" WHERE \"Id\" = @old", old);
    }

    private void FoldWork(int old, int survivor)
    {
        _affected.RecountResearchers.UnionWith(_sql.Ids("SELECT \"ResearcherId\" FROM \"Authorships\" WHERE \"WorkId\" = @old", old));
        _affected.RecountInstitutions.UnionWith(_sql.Ids(
            "SELECT DISTINCT ai.\"InstitutionId\" FROM \"Authorships\" a JOIN \"AuthorshipInstitutions\" ai ON ai.\"AuthorshipId\" = a.\"Id\" WHERE a.\"WorkId\" = @old", old));
        _affected.RecountTopics.UnionWith(_sql.Ids("SELECT \"TopicId\" FROM \"WorkTopics\" WHERE \"WorkId\" = @old", old));
        _affected.RecountVenues.UnionWith(_sql.Ids("SELECT \"VenueId\" FROM \"Works\" WHERE \"Id\" = @old AND \"VenueId\" IS NOT NULL", old));
        _sql.Execute("""
            INSERT INTO "Citations" ("CitingWorkId", "CitedWorkId")
            SELECT "CitingWorkId", @survivor FROM "Citations" WHERE "CitedWorkId" = @old AND "CitingWorkId" <> @survivor
            ON CONFLICT DO NOTHING
            """, survivor, old);
        _sql.Execute("DELETE FROM \"Works\" WHERE \"Id\" = @old", old);
    }

    private void FoldInstitution(int old, int survivor)
    {
        _affected.RecountInstitutions.Add(survivor);
        _affected.RecountResearchers.UnionWith(_sql.Ids("SELECT \"ResearcherId\" FROM \"Affiliations\" WHERE \"InstitutionId\" = @old", old));
        _sql.Execute("INSERT INTO \"AuthorshipInstitutions\" (\"AuthorshipId\", \"InstitutionId\") SELECT \"AuthorshipId\", @survivor FROM \"AuthorshipInstitutions\" WHERE \"InstitutionId\" = @old ON CONFLICT DO NOTHING", survivor, old);
        _sql.Execute($"""
            INSERT INTO "Affiliations" ("ResearcherId", "InstitutionId", "FirstYear", "LastYear")
            SELECT "ResearcherId", @survivor, "FirstYear", "LastYear" FROM "Affiliations" WHERE "InstitutionId" = @old
            {WidenAffiliation()}
            """, survivor, old);
        _sql.Execute("UPDATE \"Researchers\" SET \"LastKnownInstitutionId\" = @survivor WHERE \"LastKnownInstitutionId\" = @old", survivor, old);
        _sql.Execute("DELETE FROM \"Institutions\" WHERE \"Id\" = @old", old);
    }

    private void FoldVenue(int old, int survivor)
    {
        _affected.RecountVenues.Add(survivor);
        _sql.Execute("UPDATE \"Works\" SET \"VenueId\" = @survivor WHERE \"VenueId\" = @old", survivor, old);
        _sql.Execute("DELETE FROM \"Venues\" WHERE \"Id\" = @old", old);
    }

    private void FoldTopic(int old, int survivor)
    {
        _affected.RecountTopics.Add(survivor);
        _affected.RecountResearchers.UnionWith(_sql.Ids("SELECT \"ResearcherId\" FROM \"ResearcherTopics\" WHERE \"TopicId\" = @old", old));
        _sql.Execute("""
            INSERT INTO "WorkTopics" ("WorkId", "TopicId", "Score", "IsPrimary", "WorkYear")
            SELECT "WorkId", @survivor, "Score", "IsPrimary", "WorkYear" FROM "WorkTopics" WHERE "TopicId" = @old
            ON CONFLICT DO NOTHING
            """, survivor, old);
        _sql.Execute("DELETE FROM \"Topics\" WHERE \"Id\" = @old", old);
    }

    /// <summary>References to a merged work now mean its survivor: citations when it is stored, pending under its id otherwise.</summary>
    private void ResolvePendingCitations(string oldId, string survivorId)
    {
        var oldNumber = WorkNumberOf(oldId);
        var survivorNumber = WorkNumberOf(survivorId);
        _sql.Execute("""
            INSERT INTO "Citations" ("CitingWorkId", "CitedWorkId")
            SELECT p."CitingWorkId", w."Id" FROM "PendingCitations" p JOIN "Works" w ON w."OpenAlexId" = @survivor
            WHERE p."CitedWorkNumber" IN (@oldNumber, @survivorNumber) AND p."CitingWorkId" <> w."Id"
            ON CONFLICT DO NOTHING
            """, survivorId, oldNumber, survivorNumber);
        _sql.Execute("""
            DELETE FROM "PendingCitations" WHERE "CitedWorkNumber" IN (@oldNumber, @survivorNumber)
            AND EXISTS (SELECT 1 FROM "Works" WHERE "OpenAlexId" = @survivor)
            """, oldNumber, survivorNumber, survivorId);
        _sql.Execute("""
            UPDATE "PendingCitations" SET "CitedWorkNumber" = @survivorNumber WHERE "CitedWorkNumber" = @oldNumber
            AND NOT EXISTS (SELECT 1 FROM "PendingCitations" p WHERE p."CitingWorkId" = "PendingCitations"."CitingWorkId" AND p."CitedWorkNumber" = @survivorNumber)
            """, survivorNumber, oldNumber);
        _sql.Execute("DELETE FROM \"PendingCitations\" WHERE \"CitedWorkNumber\" = @oldNumber", oldNumber);
    }

    /// <summary>The id a record is stored under: its own, or the survivor's when OpenAlex merged it away.</summary>
    private string Redirect(string id, bool force = false)
    {
        if (!_hasMergedIds && !force) return id;
        if (_redirects.TryGetValue(id, out var target)) return target;
        target = _sql.Scalar("SELECT \"MergedIntoId\" FROM \"MergedIds\" WHERE \"OpenAlexId\" = @id", id) as string ?? id;
        _redirects[id] = target;
        return target;
    }

    private string WidenAffiliation() => $"""
        ON CONFLICT ("ResearcherId", "InstitutionId") DO UPDATE SET
            "FirstYear" = {_sql.Dialect.Least("\"Affiliations\".\"FirstYear\"", "excluded.\"FirstYear\"")},
            "LastYear" = {_sql.Dialect.Greatest("\"Affiliations\".\"LastYear\"", "excluded.\"LastYear\"")}
        """;
}
