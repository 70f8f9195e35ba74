// This file is compiled into the runtime and, by source link, into the netstandard2.0 generator
// (src/Attio.Generators/Attio.Generators.csproj): keep it to C# both can compile, with no dependencies.
namespace Attio
{
    /// <summary>
    /// What Attio's standard objects are, in one place: their slugs, the natural key an identify or group finds each
    /// record by, and the attributes that link users to people and workspaces to companies and users.
    /// </summary>
    internal static class AttioStandardObjects
    {
        public const string People = "people";
        public const string Users = "users";
        public const string Companies = "companies";
        public const string Workspaces = "workspaces";

        /// <summary><c>people.email_addresses</c>: the person's natural key (email-address, multiselect, unique).</summary>
        public const string PersonEmail = "email_addresses";

        /// <summary><c>companies.domains</c>: the company's natural key (domain, multiselect, unique).</summary>
        public const string CompanyDomain = "domains";

        /// <summary><c>users.user_id</c>: the user's natural key (text, unique).</summary>
        public const string UserId = "user_id";

        /// <summary><c>workspaces.workspace_id</c>: the workspace's natural key (text, unique).</summary>
        public const string WorkspaceId = "workspace_id";

        /// <summary><c>users.primary_email_address</c>: unique and required; an identify fills it with its email unless told not to.</summary>
        public const string UserPrimaryEmail = "primary_email_address";

        /// <summary><c>users.person</c> -> people (inverse <c>people.associated_users</c>).</summary>
        public const string UserPerson = "person";

        /// <summary><c>workspaces.company</c> -> companies (inverse <c>companies.associated_workspaces</c>).</summary>
        public const string WorkspaceCompany = "company";

        /// <summary><c>workspaces.users</c> -> users, multiselect (inverse <c>users.workspace</c>).</summary>
        public const string WorkspaceUsers = "users";

        /// <summary><c>users.workspace</c> -> workspaces, multiselect (inverse <c>workspaces.users</c>).</summary>
        public const string UserWorkspaces = "workspace";

        /// <summary>The natural key of a standard object, or null for any other object.</summary>
        public static string? NaturalKeyOf(string objectSlug)
        {
            switch (objectSlug)
            {
                case People: return PersonEmail;
                case Companies: return CompanyDomain;
                case Users: return UserId;
                case Workspaces: return WorkspaceId;
                default: return null;
            }
        }

        /// <summary>The inverse of a standard link attribute (<c>users.person</c> -> <c>people.associated_users</c>), or null.</summary>
        public static string? InverseOf(string objectSlug, string attributeSlug)
        {
            switch (objectSlug + "." + attributeSlug)
            {
                case "users.person": return "people.associated_users";
                case "people.associated_users": return "users.person";
                case "workspaces.company": return "companies.associated_workspaces";
                case "companies.associated_workspaces": return "workspaces.company";
                case "workspaces.users": return "users.workspace";
                case "users.workspace": return "workspaces.users";
                default: return null;
            }
        }

        /// <summary>
        /// Whether a standard attribute holds several values, for records that do not list their attributes
        /// (generated records always do; hand-written ones may not).
        /// </summary>
        public static bool IsKnownMultiselect(string objectSlug, string attributeSlug)
        {
            switch (objectSlug + "." + attributeSlug)
            {
                case "people.email_addresses":
                case "people.phone_numbers":
                case "people.associated_users":
                case "companies.domains":
                case "companies.associated_workspaces":
                case "workspaces.users":
                case "users.workspace":
                    return true;
                default:
                    return false;
            }
        }
    }
}
