/** A plugin that does nothing: what any listener costs, to compare a rule with. */
public class NopListener implements dev.endsession.api.EndSessionListener {
}
