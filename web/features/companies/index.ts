/** Company search and the company page. Routes are composed in web/app. */
export { CompanyPage } from './company-page';
export { CompanySearchPage } from './company-search-page';
