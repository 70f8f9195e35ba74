using System.Text.Json.Nodes;

namespace Attio.Emulator.Schema;

/// <summary>The workspace loaded from attio-schema.json: objects not in the file do not exist.</summary>
internal sealed class WorkspaceSchema
{
    public required JsonObject Workspace { get; init; }
    public required IReadOnlyList<JsonObject> Members { get; init; }
    public required IReadOnlyList<ObjectDefinition> Objects { get; init; }

    public string WorkspaceId => (string?)Workspace["workspace_id"] ?? string.Empty;
    public string WorkspaceSlug => (string?)Workspace["workspace_slug"] ?? "workspace";

    public ObjectDefinition? FindObject(string slugOrId) => Objects.FirstOrDefault(o => o.Matches(slugOrId));

    public JsonObject? FindMemberByEmail(string email) =>
        Members.FirstOrDefault(m => string.Equals((string?)m["email_address"], email, StringComparison.OrdinalIgnoreCase));

    public JsonObject? FindMemberById(string id) =>
        Members.FirstOrDefault(m => string.Equals((string?)m["id"]?["workspace_member_id"], id, StringComparison.OrdinalIgnoreCase));
}
