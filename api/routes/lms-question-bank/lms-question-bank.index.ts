import { createRouter } from '../../openapi.js';
import {
  createCategoryHandler,
  createQuestionHandler,
  deleteCategoryHandler,
  deleteQuestionHandler,
  getQuestionHandler,
  listCategoriesHandler,
  listQuestionsHandler,
  updateCategoryHandler,
  updateQuestionHandler,
} from './lms-question-bank.handlers.js';
import {
  createCategoryRoute,
  createQuestionRoute,
  deleteCategoryRoute,
  deleteQuestionRoute,
  getQuestionRoute,
  listCategoriesRoute,
  listQuestionsRoute,
  updateCategoryRoute,
  updateQuestionRoute,
} from './lms-question-bank.routes.js';

export const lmsQuestionBankRouter = createRouter()
  .openapi(createCategoryRoute, createCategoryHandler)
  .openapi(listCategoriesRoute, listCategoriesHandler)
  .openapi(updateCategoryRoute, updateCategoryHandler)
  .openapi(deleteCategoryRoute, deleteCategoryHandler)
  .openapi(createQuestionRoute, createQuestionHandler)
  .openapi(listQuestionsRoute, listQuestionsHandler)
  .openapi(getQuestionRoute, getQuestionHandler)
  .openapi(updateQuestionRoute, updateQuestionHandler)
  .openapi(deleteQuestionRoute, deleteQuestionHandler);
