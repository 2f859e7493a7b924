using Targeting.Rules.Library;

namespace Targeting.RuleSets;

/// <summary>A silo's rule set cache, told by an account grain about every change of its library.</summary>
public interface IRuleSetObserver : IGrainObserver
{
    Task OnLibraryChanged(AccountLibrary library);
}
