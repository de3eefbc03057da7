namespace PipelineStudio.Web.Services;

/// <summary>Who is using the studio: recorded as the author of what they save.</summary>
public sealed record StudioUser(string Name)
{
    public const string UserNameKey = "Studio:UserName";

    /// <summary><c>Studio:UserName</c> when set, else the operating-system user, so saves always carry an author.</summary>
    public static StudioUser FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration[UserNameKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new StudioUser(configured.Trim());
        }

        var osUser = Environment.UserName;
        return new StudioUser(string.IsNullOrWhiteSpace(osUser) ? "studio" : osUser);
    }
}
