enum SurveyPlaceholder {}
