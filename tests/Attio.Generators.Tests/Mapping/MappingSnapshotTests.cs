using Attio.Generators.Tests.Infrastructure;

namespace Attio.Generators.Tests.Mapping;

public sealed class MappingSnapshotTests
{
    [Fact]
    public void IdentifyEventWithAppendMapping()
    {
        var run = MappingHarness.RunClean("""
            using Attio;
            using System.Collections.Generic;
            namespace App;

            public enum Seniority { Junior, Senior }

            [AttioObject("people")]
            [AttioObject("users")]
            public partial record UserSignedUp(
                [property: AttioMap("email_addresses")] string Email,
                [property: AttioMap("user_id")] string UserId,
                [property: AttioMap("name")] string? Name,
                [property: AttioMap("job_title", WhenNull = AttioNull.Clear)] string? JobTitle,
                [property: AttioMap("workspace", Multiselect = AttioMultiselect.Append)] IReadOnlyList<string>? Workspaces);
            """);
        Snapshot.Match("Attio.Mapping.App.UserSignedUp.g.cs", run.GeneratedSources["Attio.Mapping.App.UserSignedUp.g.cs"]);
    }
}
