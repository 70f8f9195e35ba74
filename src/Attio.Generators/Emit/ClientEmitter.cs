using Attio.Generators.Model;

namespace Attio.Generators.Emit;

/// <summary>
/// Emits the typed client and sender methods (extension methods on <c>AttioClient</c> and <c>AttioSender</c>) for every
/// object, plus identify and group. Each is one call: the runtime's <c>AttioActions</c> builds the write plan (the
/// semantics live there, once) and the client runs it or the sender queues it.
/// </summary>
internal static class ClientEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string Stored = "global::Attio.AttioStoredRecord";
    private const string Receipt = "global::Attio.AttioDeliveryReceipt";
    private const string Actions = "global::Attio.AttioActions";
    private const string Client = "this global::Attio.AttioClient client";
    private const string Sender = "this global::Attio.AttioSender sender";
    private const string Timestamp = "global::System.DateTimeOffset? timestamp = null";
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";
    private const string NotEmpty = "global::System.ArgumentException.ThrowIfNullOrWhiteSpace";

    public static string Emit(GenerationModel model)
    {
        var w = CodeWriter.File(model.Namespace);
        w.Doc("Typed Attio operations for this workspace's objects, as extension methods on <see cref=\"global::Attio.AttioClient\"/> and <see cref=\"global::Attio.AttioSender\"/>.",
            "Every method validates all values before the first request, so nothing is half-written by bad input.");
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
            string matching = $"{enumName} matchingAttribute = {enumName}.{record.MatchingAttributes[0].Name}";
            w.Doc($"Creates or updates the <c>{slug}</c> record whose <paramref name=\"matchingAttribute\"/> equals the record's value (Attio's assert).",
                "Multiselect values of the matching attribute are added; other multiselect attributes sent are replaced; null clears.");
            w.Line($"public static {Task}<{Stored}> Assert{name}Async({Client}, {type} record, {matching}, {Token})");
            w.Line($"    => client.ExecuteRecordAsync({Actions}.Assert(record, matchingAttribute.ToSlug()), cancellationToken);");
            w.Line();
            w.Doc($"Queues an assert of the <c>{slug}</c> record on the sender; see <see cref=\"Assert{name}Async\"/>.");
            w.Line($"public static {ValueTask}<{Receipt}> Enqueue{name}Async({Sender}, {type} record, {matching}, {Timestamp}, {Token})");
            w.Line($"    => sender.EnqueueRecordAsync(record, matchingAttribute.ToSlug(), timestamp, cancellationToken);");
            w.Line();
        }

        w.Doc($"Creates a <c>{slug}</c> record; fails when a unique value is already taken.");
        w.Line($"public static {Task}<{Stored}> Create{name}Async({Client}, {type} record, {Token})");
        w.Line($"    => client.ExecuteRecordAsync({Actions}.Create(record), cancellationToken);");
        w.Line();
        w.Doc($"Updates the <c>{slug}</c> record with <paramref name=\"recordId\"/>; <paramref name=\"mode\"/> says whether multiselect values are added (PATCH) or replaced (PUT).",
            "Null clears in both modes: PATCH cannot remove values, so clears are sent with a PUT of their own.");
        w.Line($"public static {Task}<{Stored}> Update{name}Async({Client}, string recordId, {type} record, global::Attio.AttioUpdateMode mode = global::Attio.AttioUpdateMode.Append, {Token})");
        w.Line($"    => client.ExecuteRecordAsync({Actions}.Update(recordId, record, mode), cancellationToken);");
        w.Line();
        w.Doc($"Reads the <c>{slug}</c> record with <paramref name=\"recordId\"/>.");
        w.Line($"public static {Task}<{Stored}> Get{name}Async({Client}, string recordId, {Token})");
        w.Line($"    => client.GetRecordAsync({type}.ApiSlug, recordId, cancellationToken);");
    }

    private static void EmitIdentify(CodeWriter w, ActionModel a)
    {
        string records = $"{a.FirstClass}? person = null, {a.SecondClass}? user = null";
        w.Doc("Identify User: asserts the person by email, then the user by <c>user_id</c>, linked to that person.",
            "Both records are validated before the first request. Values already set on <paramref name=\"person\"/> and <paramref name=\"user\"/> are sent too; the arguments are not modified.");
        w.Open($"public static {Task}<global::Attio.AttioIdentifyResult> IdentifyUserAsync({Client}, string email, string userId, {records}, {Token})");
        w.Line($"{NotEmpty}(email);");
        w.Line($"{NotEmpty}(userId);");
        w.Line($"return client.ExecuteIdentifyAsync({Actions}.Identify(email, userId, person, user ?? new {a.SecondClass}()), cancellationToken);");
        w.Close();
        w.Line();
        w.Doc("Queues an identify on the sender; see <see cref=\"IdentifyUserAsync\"/>.");
        w.Line($"public static {ValueTask}<{Receipt}> EnqueueIdentifyUserAsync({Sender}, string email, string userId, {records}, {Timestamp}, {Token})");
        w.Line($"    => sender.EnqueueIdentifyAsync(email, userId, person, user ?? new {a.SecondClass}(), timestamp, cancellationToken);");
    }

    private static void EmitGroup(CodeWriter w, ActionModel a)
    {
        string membershipParameter = a.MembershipProperty is null ? string.Empty : "string? userId = null, ";
        string membershipArgument = a.MembershipProperty is null ? "null" : "userId";
        string records = $"{a.FirstClass}? company = null, {a.SecondClass}? workspace = null";
        w.Doc("Group Workspace: asserts the company by domain, then the workspace by <c>workspace_id</c>, linked to that company; with <paramref name=\"userId\"/>, adds that user to the workspace.",
            "The user is added with PATCH, which appends: the workspace's other users are never removed. When that last step fails, the AttioPlanException says which company and workspace were written.");
        w.Open($"public static {Task}<global::Attio.AttioGroupResult> GroupWorkspaceAsync({Client}, string domain, string workspaceId, {records}, {membershipParameter}{Token})");
        w.Line($"{NotEmpty}(domain);");
        w.Line($"{NotEmpty}(workspaceId);");
        w.Line($"return client.ExecuteGroupAsync({Actions}.Group(domain, workspaceId, company, workspace ?? new {a.SecondClass}(), {membershipArgument}), cancellationToken);");
        w.Close();
        w.Line();
        w.Doc("Queues a group on the sender; see <see cref=\"GroupWorkspaceAsync\"/>.");
        w.Line($"public static {ValueTask}<{Receipt}> EnqueueGroupWorkspaceAsync({Sender}, string domain, string workspaceId, {records}, {membershipParameter}{Timestamp}, {Token})");
        w.Line($"    => sender.EnqueueGroupAsync(domain, workspaceId, company, workspace ?? new {a.SecondClass}(), {membershipArgument}, timestamp, cancellationToken);");
    }
}
