using T = Attio.AttioAttributeType;

namespace Attio.Runtime.Tests.Infrastructure;

/// <summary>The custom <c>subscriptions</c> object: one attribute of every one of the 17 types.</summary>
internal sealed class Subscription : TestRecord
{
    public static readonly AttioAttributeInfo SubscriptionId = new("subscriptions", "subscription_id", T.Text) { IsUnique = true };
    public static readonly AttioAttributeInfo InvoiceReference = new("subscriptions", "invoice_reference", T.Text) { IsUnique = true };
    public static readonly AttioAttributeInfo Plan = new("subscriptions", "plan", T.Select);
    public static readonly AttioAttributeInfo Features = new("subscriptions", "features", T.Select, IsMultiselect: true);
    public static readonly AttioAttributeInfo Stage = new("subscriptions", "stage", T.Status);
    public static readonly AttioAttributeInfo Seats = new("subscriptions", "seats", T.Number);
    public static readonly AttioAttributeInfo AutoRenew = new("subscriptions", "auto_renew", T.Checkbox);
    public static readonly AttioAttributeInfo Mrr = new("subscriptions", "mrr", T.Currency);
    public static readonly AttioAttributeInfo StartedOn = new("subscriptions", "started_on", T.Date);
    public static readonly AttioAttributeInfo RenewsAt = new("subscriptions", "renews_at", T.Timestamp);
    public static readonly AttioAttributeInfo HealthScore = new("subscriptions", "health_score", T.Rating);
    public static readonly AttioAttributeInfo BillingUsers = new("subscriptions", "billing_users", T.RecordReference, IsMultiselect: true, AllowedObjects: ["users"]);
    public static readonly AttioAttributeInfo Workspace = new("subscriptions", "workspace", T.RecordReference, AllowedObjects: ["workspaces"]);
    public static readonly AttioAttributeInfo AccountManager = new("subscriptions", "account_manager", T.ActorReference);
    public static readonly AttioAttributeInfo BillingAddress = new("subscriptions", "billing_address", T.Location);
    public static readonly AttioAttributeInfo BillingDomains = new("subscriptions", "billing_domains", T.Domain, IsMultiselect: true);
    public static readonly AttioAttributeInfo BillingEmail = new("subscriptions", "billing_email", T.EmailAddress);
    public static readonly AttioAttributeInfo BillingPhoneNumbers = new("subscriptions", "billing_phone_numbers", T.PhoneNumber, IsMultiselect: true);
    public static readonly AttioAttributeInfo Signatory = new("subscriptions", "signatory", T.PersonalName);
    public static readonly AttioAttributeInfo LastInteraction = new("subscriptions", "last_interaction", T.Interaction) { IsWritable = false };
    public static readonly AttioAttributeInfo CreatedAt = new("subscriptions", "created_at", T.Timestamp) { IsWritable = false };

    public override string ObjectSlug => "subscriptions";
}

/// <summary>The standard <c>people</c> object, the attributes the tests use.</summary>
internal sealed class Person : TestRecord
{
    public static readonly AttioAttributeInfo Name = new("people", "name", T.PersonalName);
    public static readonly AttioAttributeInfo EmailAddresses = new("people", "email_addresses", T.EmailAddress, IsMultiselect: true) { IsUnique = true };
    public static readonly AttioAttributeInfo JobTitle = new("people", "job_title", T.Text);
    public static readonly AttioAttributeInfo PhoneNumbers = new("people", "phone_numbers", T.PhoneNumber, IsMultiselect: true);
    public static readonly AttioAttributeInfo PrimaryLocation = new("people", "primary_location", T.Location);
    public static readonly AttioAttributeInfo Company = new("people", "company", T.RecordReference, AllowedObjects: ["companies"]);
    public static readonly AttioAttributeInfo AssociatedUsers = new("people", "associated_users", T.RecordReference, IsMultiselect: true, AllowedObjects: ["users"]);

    public override string ObjectSlug => "people";
}

/// <summary>The standard <c>users</c> object.</summary>
internal sealed class User : TestRecord
{
    public static readonly AttioAttributeInfo UserId = new("users", "user_id", T.Text) { IsUnique = true };
    public static readonly AttioAttributeInfo PrimaryEmailAddress = new("users", "primary_email_address", T.EmailAddress) { IsUnique = true };
    public static readonly AttioAttributeInfo PersonRef = new("users", "person", T.RecordReference, AllowedObjects: ["people"]);
    public static readonly AttioAttributeInfo WorkspaceRef = new("users", "workspace", T.RecordReference, IsMultiselect: true, AllowedObjects: ["workspaces"]);

    public override string ObjectSlug => "users";
}

/// <summary>The standard <c>workspaces</c> object.</summary>
internal sealed class WorkspaceRecord : TestRecord
{
    public static readonly AttioAttributeInfo WorkspaceId = new("workspaces", "workspace_id", T.Text) { IsUnique = true };
    public static readonly AttioAttributeInfo Name = new("workspaces", "name", T.Text);

    public override string ObjectSlug => "workspaces";
}

/// <summary>The standard <c>companies</c> object.</summary>
internal sealed class Company : TestRecord
{
    public static readonly AttioAttributeInfo Domains = new("companies", "domains", T.Domain, IsMultiselect: true) { IsUnique = true };
    public static readonly AttioAttributeInfo Name = new("companies", "name", T.Text);

    public override string ObjectSlug => "companies";
}
