namespace Attio;

/// <summary>What an identify wrote: the person (asserted by email) and the user linked to it.</summary>
/// <param name="Person">The person record as Attio stored it.</param>
/// <param name="User">The user record as Attio stored it, its <c>person</c> pointing at <paramref name="Person"/>.</param>
public sealed record AttioIdentifyResult(AttioStoredRecord Person, AttioStoredRecord User);

/// <summary>What a group wrote: the company (asserted by domain) and the workspace linked to it.</summary>
/// <param name="Company">The company record as Attio stored it.</param>
/// <param name="Workspace">The workspace record as Attio stored it, its <c>company</c> pointing at <paramref name="Company"/>.</param>
public sealed record AttioGroupResult(AttioStoredRecord Company, AttioStoredRecord Workspace);
