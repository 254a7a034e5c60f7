import Storage
import Survey

/// Maps `answer_sets` rows to the survey domain (use inside `DatabasePool.read`). Units and
/// questionnaires are read through SurveyData's repositories.
public enum SurveyStore {}
