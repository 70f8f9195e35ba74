using Attio;

namespace Northwind.Events;

// Your product's events, mapped to Attio attributes. A misspelt slug, a read-only attribute or a type Attio cannot
// take is a build error pointing at the string literal (ATTIO001-ATTIO011), not a failed request in production.

/// <summary>A user changed their profile.</summary>
[AttioObject("people")]
public partial record ProfileUpdated(
    [property: AttioMap("email_addresses")] string Email,
    [property: AttioMap("twitter")] string? TwitterHandle,
    [property: AttioMap("name")] string FullName,                 // "Last, First"
    [property: AttioMap("job_title", WhenNull = AttioNull.Clear)] string? JobTitle);

/// <summary>Someone signed up: an identify event, writing a person and a user.</summary>
[AttioObject("people")]
[AttioObject("users")]
public partial class UserSignedUp
{
    [AttioMap("email_addresses", Object = "people")]
    public required string Email { get; init; }

    [AttioMap("user_id", Object = "users")]
    public required string UserId { get; init; }

    [AttioMap("job_title", Object = "people")]
    public string? JobTitle { get; init; }

    [AttioMap("role", Object = "users")]
    public UserRole Role { get; init; } = UserRole.Member;
}

/// <summary>The user's permission level; members match the select options of <c>users.role</c> by name.</summary>
public enum UserRole
{
    Owner,
    Admin,
    Member,
    Viewer,
}

/// <summary>A team created a workspace in the product: a group event, writing a company and a workspace.</summary>
[AttioObject("companies")]
[AttioObject("workspaces")]
public partial record WorkspaceCreated(
    [property: AttioMap("domains", Object = "companies")] string Domain,
    [property: AttioMap("name", Object = "companies")] string CompanyName,
    [property: AttioMap("workspace_id", Object = "workspaces")] string WorkspaceId,
    [property: AttioMap("name", Object = "workspaces")] string WorkspaceName);
