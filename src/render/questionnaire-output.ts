// A questionnaire in the format asked for. Apart from questionnaire.ts so that
// the CSV and XLSX writers, which read its row model, are not also imported by it.
import type { QuestionnaireFormat } from './formats.js';
import { renderQuestionnaireJson, renderQuestionnaireMarkdown, type Questionnaire } from './questionnaire.js';

/** Render a questionnaire; CSV and XLSX writers load lazily (exceljs is large). */
export async function renderQuestionnaire(doc: Questionnaire, format: QuestionnaireFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderQuestionnaireJson(doc);
    case 'md':
      return renderQuestionnaireMarkdown(doc);
    case 'csv':
      return (await import('./csv.js')).renderQuestionnaireCsv(doc);
    case 'xlsx':
      return (await import('./xlsx.js')).renderQuestionnaireXlsx(doc);
  }
}
