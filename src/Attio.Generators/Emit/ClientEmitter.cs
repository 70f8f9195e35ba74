using Attio.Generators.Model;

namespace Attio.Generators.Emit;

/// <summary>Emits the typed client methods (extension methods on <c>AttioClient</c>) for every object, plus identify and group.</summary>
internal static class ClientEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Stored = "global::Attio.AttioStoredRecord";
    private const string Client = "this global::Attio.AttioClient client";
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

    public static string Emit(GenerationModel model)
    {
        var w = CodeWriter.File(model.Namespace);
        w.Doc("Typed Attio operations for this workspace's objects, as extension methods on <see cref=\"global::Attio.AttioClient\"/>.",
            "Every method validates all values before the first request, so nothing is half-written.");
        w.Line(CodeWriter.GeneratedCodeAttribute);
        w.Open($"public static partial class {ModelBuilder.ClientClassName}");
        bool first = true;
        foreach (var record in model.Records)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitRecordMethods(w, record);
        }

        if (model.Identify is { } identify)
        {
            w.Line();
            EmitIdentify(w, identify);
        }

        if (model.Group is { } group)
        {
            w.Line();
            EmitGroup(w, group);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitRecordMethods(CodeWriter w, RecordClassModel record)
    {
        string name = record.ClassName.TrimStart('@');
        string type = record.ClassName;
        string slug = SourceText.Doc(record.ObjectSlug);
        if (record.MatchingAttributes.Count > 0)
        {
            string enumName = RecordEmitter.MatchingEnumName(record);
            w.Doc($"Creates or updates the <c>{slug}</c> record whose <paramref name=\"matchingAttribute\"/> equals the record's value (Attio's assert).",
                "Multiselect values of the matching attribute are added; other multiselect attributes sent are replaced.");
            w.Line($"public static {Task}<{Stored}> Assert{name}Async({Client}, {type} record, {enumName} matchingAttribute = {enumName}.{record.MatchingAttributes[0].Name}, {Token})");
            w.Line($"    => client.AssertRecordAsync(record, matchingAttribute.ToSlug(), cancellationToken);");
            w.Line();
        }

        w.Doc($"Creates a <c>{slug}</c> record; fails when a unique value is already taken.");
        w.Line($"public static {Task}<{Stored}> Create{name}Async({Client}, {type} record, {Token})");
        w.Line($"    => client.CreateRecordAsync(record, cancellationToken);");
        w.Line();
        w.Doc($"Updates the <c>{slug}</c> record with <paramref name=\"recordId\"/>; <paramref name=\"mode\"/> says whether multiselect values are added (PATCH) or replaced (PUT).");
        w.Line($"public static {Task}<{Stored}> Update{name}Async({Client}, string recordId, {type} record, global::Attio.AttioUpdateMode mode = global::Attio.AttioUpdateMode.Append, {Token})");
        w.Line($"    => client.UpdateRecordAsync(record, recordId, mode, cancellationToken);");
        w.Line();
        w.Doc($"Reads the <c>{slug}</c> record with <paramref name=\"recordId\"/>.");
        w.Line($"public static {Task}<{Stored}> Get{name}Async({Client}, string recordId, {Token})");
        w.Line($"    => client.GetRecordAsync({type}.ApiSlug, recordId, cancellationToken);");
    }

    private static void EmitIdentify(CodeWriter w, ActionModel a)
    {
        w.Doc("Identify User: asserts the person by email, then the user by <c>user_id</c>, linked to that person.",
            "Both records are validated before the first request. Values already set on <paramref name=\"person\"/> and <paramref name=\"user\"/> are sent too; the arguments are not modified.");
        w.Open($"public static async {Task}<global::Attio.AttioIdentifyResult> IdentifyUserAsync({Client}, string email, string userId, {a.FirstClass}? person = null, {a.SecondClass}? user = null, {Token})");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.Line("global::System.ArgumentException.ThrowIfNullOrWhiteSpace(email);");
        w.Line("global::System.ArgumentException.ThrowIfNullOrWhiteSpace(userId);");
        w.Line($"var personRecord = person?.Clone() ?? new {a.FirstClass}();");
        w.Line(a.FirstKeyIsMultiselect
            ? $"personRecord.{a.FirstKeyProperty} = global::Attio.AttioFields.WithValue(personRecord.{a.FirstKeyProperty}, email, global::System.StringComparer.OrdinalIgnoreCase);"
            : $"personRecord.{a.FirstKeyProperty} = email;");
        w.Line($"var userRecord = user?.Clone() ?? new {a.SecondClass}();");
        w.Line($"userRecord.{a.SecondKeyProperty} = userId;");
        if (a.SecondEmailProperty is not null)
        {
            w.Open($"if (userRecord.GetState({SourceText.Literal("primary_email_address")}) == global::Attio.AttioFieldState.NotSet)");
            w.Line($"userRecord.{a.SecondEmailProperty} = email;");
            w.Close();
        }

        w.Line($"userRecord.{a.SecondLinkProperty} = global::Attio.RecordReference.ByMatch({SourceText.Literal(a.FirstObjectSlug)}, {SourceText.Literal(a.FirstKeySlug)}, email);");
        EmitValidateBoth(w, "personRecord", "userRecord", "userId");
        w.Line($"var storedPerson = await client.AssertRecordAsync(personRecord, {SourceText.Literal(a.FirstKeySlug)}, cancellationToken).ConfigureAwait(false);");
        w.Line($"userRecord.{a.SecondLinkProperty} = global::Attio.RecordReference.ById({SourceText.Literal(a.FirstObjectSlug)}, storedPerson.RecordId);");
        w.Line($"var storedUser = await client.AssertRecordAsync(userRecord, {SourceText.Literal(a.SecondKeySlug)}, cancellationToken).ConfigureAwait(false);");
        w.Line("return new global::Attio.AttioIdentifyResult(storedPerson, storedUser);");
        w.Close();
    }

    private static void EmitGroup(CodeWriter w, ActionModel a)
    {
        w.Doc("Group Workspace: asserts the company by domain, then the workspace by <c>workspace_id</c>, linked to that company; with <paramref name=\"userId\"/>, adds that user to the workspace.",
            "The user is added with PATCH, which appends: the workspace's other users are never removed. Everything is validated before the first request; the arguments are not modified.");
        string membershipParameter = a.MembershipProperty is null ? string.Empty : "string? userId = null, ";
        w.Open($"public static async {Task}<global::Attio.AttioGroupResult> GroupWorkspaceAsync({Client}, string domain, string workspaceId, {a.FirstClass}? company = null, {a.SecondClass}? workspace = null, {membershipParameter}{Token})");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.Line("global::System.ArgumentException.ThrowIfNullOrWhiteSpace(domain);");
        w.Line("global::System.ArgumentException.ThrowIfNullOrWhiteSpace(workspaceId);");
        w.Line($"var companyRecord = company?.Clone() ?? new {a.FirstClass}();");
        w.Line(a.FirstKeyIsMultiselect
            ? $"companyRecord.{a.FirstKeyProperty} = global::Attio.AttioFields.WithValue(companyRecord.{a.FirstKeyProperty}, domain, global::System.StringComparer.OrdinalIgnoreCase);"
            : $"companyRecord.{a.FirstKeyProperty} = domain;");
        w.Line($"var workspaceRecord = workspace?.Clone() ?? new {a.SecondClass}();");
        w.Line($"workspaceRecord.{a.SecondKeyProperty} = workspaceId;");
        w.Line($"workspaceRecord.{a.SecondLinkProperty} = global::Attio.RecordReference.ByMatch({SourceText.Literal(a.FirstObjectSlug)}, {SourceText.Literal(a.FirstKeySlug)}, domain);");
        if (a.MembershipProperty is not null)
        {
            w.Line($"{a.SecondClass}? membership = userId is null ? null : new {a.SecondClass} {{ {a.MembershipProperty} = new[] {{ global::Attio.RecordReference.ByMatch({SourceText.Literal(a.MembershipTargetObject ?? "users")}, \"user_id\", userId) }} }};");
        }

        EmitValidateBoth(w, "companyRecord", "workspaceRecord", a.MembershipProperty is null ? null : "membership");
        w.Line($"var storedCompany = await client.AssertRecordAsync(companyRecord, {SourceText.Literal(a.FirstKeySlug)}, cancellationToken).ConfigureAwait(false);");
        w.Line($"workspaceRecord.{a.SecondLinkProperty} = global::Attio.RecordReference.ById({SourceText.Literal(a.FirstObjectSlug)}, storedCompany.RecordId);");
        w.Line($"var storedWorkspace = await client.AssertRecordAsync(workspaceRecord, {SourceText.Literal(a.SecondKeySlug)}, cancellationToken).ConfigureAwait(false);");
        if (a.MembershipProperty is not null)
        {
            w.Open("if (membership is not null)");
            w.Line("storedWorkspace = await client.UpdateRecordAsync(membership, storedWorkspace.RecordId, global::Attio.AttioUpdateMode.Append, cancellationToken).ConfigureAwait(false);");
            w.Close();
        }

        w.Line("return new global::Attio.AttioGroupResult(storedCompany, storedWorkspace);");
        w.Close();
    }

    private static void EmitValidateBoth(CodeWriter w, string firstRecord, string secondRecord, string? extra)
    {
        w.Line("var errors = new global::Attio.AttioValidationErrors();");
        w.Line($"{firstRecord}.CollectValidationErrors(errors);");
        w.Line($"{secondRecord}.CollectValidationErrors(errors);");
        if (extra is not null && extra != "userId")
        {
            w.Line($"{extra}?.CollectValidationErrors(errors);");
        }

        w.Line("errors.ThrowIfAny();");
    }
}
